package com.sciaticachat.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the pipeline and never loop back: a corpus becomes an index ({@code corpus},
 * {@code analysis}, {@code embed}, {@code index}), which is searched and scored ({@code search}); beside it,
 * not under it, {@code safety} weighs every message first; the chat combines the two into replies
 * ({@code chat}), knowing no Lucene type; HTTP serves them ({@code http}, the only package besides the entry
 * point that knows Javalin, with the staff console's writes in {@code staff}). {@code eval} and {@code cli}
 * sit on top: nothing the service runs depends on them.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.sciaticachat");
    }

    @Test
    void the_packages_have_no_cycles() {
        slices().matching("com.sciaticachat.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_index_and_search_layers_never_reach_up_to_the_chat_or_http() {
        noClasses().that().resideInAnyPackage("..corpus..", "..analysis..", "..embed..", "..index..", "..search..", "..safety..")
                .should().dependOnClassesThat().resideInAnyPackage("..chat..", "..http..", "..staff..", "..eval..", "..cli..")
                .check(classes);
    }

    @Test
    void nothing_the_service_runs_depends_on_evaluation_or_the_command_line() {
        noClasses().that().resideOutsideOfPackages("..eval..", "..cli..")
                .should().dependOnClassesThat().resideInAnyPackage("..eval..", "..cli..")
                .check(classes);
    }

    @Test
    void safety_is_reached_without_going_through_search() {
        noClasses().that().resideInAPackage("..safety..")
                .should().dependOnClassesThat().resideInAnyPackage("..search..")
                .check(classes);
    }

    @Test
    void search_and_safety_stand_side_by_side_and_only_the_chat_combines_them() {
        noClasses().that().resideInAPackage("..search..")
                .should().dependOnClassesThat().resideInAnyPackage("..safety..")
                .check(classes);
    }

    @Test
    void the_chat_knows_no_lucene_type() {
        noClasses().that().resideInAPackage("..chat..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..")
                .check(classes);
    }

    @Test
    void only_http_and_the_entry_point_know_javalin() {
        noClasses().that().resideOutsideOfPackages("..http..").and().doNotHaveFullyQualifiedName("com.sciaticachat.Application")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..")
                .check(classes);
    }

    @Test
    void the_store_depends_on_nothing_of_ours_and_only_it_speaks_sql() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("com.sciaticachat.store..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.sciaticachat.store..", "java..", "javax.sql..",
                        "com.zaxxer.hikari..", "org.flywaydb..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("com.sciaticachat.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb..")
                .check(classes);
    }
}
