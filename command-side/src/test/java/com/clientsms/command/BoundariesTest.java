package com.clientsms.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.clientsms.command", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    @ArchTest
    static final ArchRule commandSideKnowsNeitherTheQuerySideNorTheSaga = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.clientsms.query..", "com.clientsms.saga..", "com.clientsms.app..");

    @ArchTest
    static final ArchRule commandSideNeverTalksToTwilio =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("com.twilio..");
}
