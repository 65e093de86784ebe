/**
 * The testkit's assertion messages, one factory per expectation, in AssertJ's shape: "Expecting
 * what:", the value, then "to" the expectation.
 */
package org.devmodel.testkit.error;
