package com.clientsms.saga.delivery;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** The random part of a retry's wait: a draw from [0, 1). A resource of the saga so that tests can fix it. */
@FunctionalInterface
public interface Jitter {

    double draw();

    @Component
    class Random implements Jitter {
        @Override
        public double draw() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }
}
