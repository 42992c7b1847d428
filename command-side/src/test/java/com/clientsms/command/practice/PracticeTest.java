package com.clientsms.command.practice;

import static com.clientsms.command.Violations.violation;
import static com.clientsms.kernel.rule.RuleViolation.Kind.INVALID;

import com.clientsms.kernel.directory.PracticeRegistered;
import com.clientsms.kernel.directory.RegisterPractice;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class PracticeTest {

    private final AggregateTestFixture<Practice> fixture = new AggregateTestFixture<>(Practice.class);

    @Test
    void practiceIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractice("p1", " Harbour Psychology "))
                .expectEvents(new PracticeRegistered("p1", "Harbour Psychology", fixture.currentTime()));
    }

    @Test
    void practiceNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractice("p1", ""))
                .expectNoEvents()
                .expectException(violation(INVALID, "The practice's name is required."));
    }
}
