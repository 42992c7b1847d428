package com.clientsms.app.ops.metrics;

import com.clientsms.saga.gateway.SmsGateway;
import com.clientsms.saga.ledger.SendLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Modifier;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Decorates the saga's ports instead of editing their adapters: the SMS gateway (latency and error codes) and the
 * send ledger (retries). A class proxy where the adapter's class allows one, so that code asking for the concrete
 * adapter (tests read the simulator's ledger) still finds it; an interface proxy for final classes.
 */
final class InstrumentedBeans implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    InstrumentedBeans(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SmsGateway) {
            return proxy(bean, SmsGateway.class, new MeteredSmsGateway(registry.getObject()));
        }
        if (bean instanceof SendLedger) {
            return proxy(bean, SendLedger.class, new CountedRetries(registry.getObject()));
        }
        return bean;
    }

    private static Object proxy(Object bean, Class<?> port, MethodInterceptor interceptor) {
        ProxyFactory factory = new ProxyFactory(bean);
        factory.addInterface(port);
        factory.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
        factory.addAdvice(interceptor);
        return factory.getProxy(bean.getClass().getClassLoader());
    }
}
