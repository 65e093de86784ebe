/** The contract's VFIO bus driver. Not exported. */
package org.devmodel.testkit.vfio.internal;
