package com.clientsms.saga;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.clientsms.saga", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule onlyTheTwilioAdapterUsesTheTwilioSdk = noClasses()
            .that()
            .resideOutsideOfPackage("com.clientsms.saga.gateway.twilio..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.twilio..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule sagaModuleNeverReachesIntoTheCommandOrQuerySide = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.clientsms.command..", "com.clientsms.query..");

    @ArchTest
    static final ArchRule gatewayAdaptersAreReachedOnlyThroughThePort = noClasses()
            .that()
            .resideOutsideOfPackages("com.clientsms.saga.gateway.simulator..", "com.clientsms.saga.gateway.twilio..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.clientsms.saga.gateway.simulator..", "com.clientsms.saga.gateway.twilio..");

    @ArchTest
    static final ArchRule gatewayPortKnowsNothingOfSagasOrAdapters = noClasses()
            .that()
            .resideInAPackage("com.clientsms.saga.gateway")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.clientsms.saga.delivery..",
                    "com.clientsms.saga.gateway.simulator..",
                    "com.clientsms.saga.gateway.twilio..",
                    "org.axonframework..");
}
