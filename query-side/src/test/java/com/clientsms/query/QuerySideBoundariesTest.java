package com.clientsms.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The query side reads events and answers queries; it never reaches into the command side, the saga or Twilio. */
@AnalyzeClasses(packages = "com.clientsms.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideBoundariesTest {

    @ArchTest
    static final ArchRule neverUsesTheCommandSide = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.clientsms.command..")
            .because("read models are built from events only");

    @ArchTest
    static final ArchRule neverUsesTheSaga = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.clientsms.saga..")
            .because("delivery reaches the query side as events");

    @ArchTest
    static final ArchRule neverUsesTwilio = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.twilio..")
            .because("only the saga's gateway adapter talks to Twilio");
}
