package com.clientsms.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The kernel holds only messages and value objects: no Spring, no persistence, no Twilio. */
@AnalyzeClasses(packages = "com.clientsms.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelBoundariesTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "com.twilio..", "com.mongodb..");

    @ArchTest
    static final ArchRule noModuleCode = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.clientsms.command..", "com.clientsms.query..", "com.clientsms.saga..");
}
