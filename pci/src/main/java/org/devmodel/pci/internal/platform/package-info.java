/**
 * Reading a platform description: the text format, its parser and the parsed form. Acting on it
 * (creating functions, joining groups, binding host drivers) is the PCI core's job.
 */
package org.devmodel.pci.internal.platform;
