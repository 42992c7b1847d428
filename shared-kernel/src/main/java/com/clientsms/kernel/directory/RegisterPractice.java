package com.clientsms.kernel.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a practice: the tenant that nothing ever crosses. */
public record RegisterPractice(@TargetAggregateIdentifier String practiceId, String name) {}
