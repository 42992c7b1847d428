package com.clientsms.query.config;

import com.clientsms.query.mongo.MongoBatch;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Opens a {@link MongoBatch} for each batch of events a processor hands its projection and flushes it after the last
 * event, while the batch is still being handled: before the processor stores its token, so a failed bulk write fails
 * the batch and the same events are handled again. Whatever happens, the batch is closed when the unit of work ends.
 */
class BatchedProjectionWrites implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            return interceptorChain.proceed();
        }
        if (batch.isFirstMessage()) {
            MongoBatch.open();
            unitOfWork.onCleanup(ended -> MongoBatch.close());
        }
        Object result = interceptorChain.proceed();
        if (batch.isLastMessage()) {
            MongoBatch.flush();
        }
        return result;
    }
}
