/**
 * The devmodel testkit: a JUnit 5 extension that fails each step of a kernel module's {@code init}
 * in turn and proves every failure unwinds completely and in reverse order, and AssertJ assertions
 * on kernel state. It depends on core's exported packages, the JUnit Jupiter API and AssertJ only.
 */
module org.devmodel.testkit {
    requires transitive org.devmodel.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports org.devmodel.testkit;
    exports org.devmodel.testkit.error;

    // JUnit instantiates the extension reflectively
    opens org.devmodel.testkit.internal to org.junit.platform.commons;
}
