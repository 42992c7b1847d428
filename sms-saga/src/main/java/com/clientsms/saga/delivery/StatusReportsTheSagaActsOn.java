package com.clientsms.saga.delivery;

import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.saga.gateway.CarrierErrors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Keeps from the delivery saga the status reports it has nothing to do with: a status that is not final and carries no
 * opt-out ("sent", most of all). The saga ignores them anyway, but each one would cost every segment of the processor
 * a look-up of the saga by its association. Kept next to {@link SmsDeliverySaga#on(SmsStatusChanged)}, whose two cases
 * it lets through.
 */
class StatusReportsTheSagaActsOn implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof SmsStatusChanged changed && !actsOn(changed)) {
            return null;
        }
        return interceptorChain.proceed();
    }

    static boolean actsOn(SmsStatusChanged changed) {
        return changed.status().isFinal() || CarrierErrors.OPTED_OUT.equals(changed.errorCode());
    }
}
