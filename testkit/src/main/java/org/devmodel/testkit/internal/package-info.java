/** The testkit's implementation: sweep cases, ledger reading and the JUnit extension. Not exported. */
package org.devmodel.testkit.internal;
