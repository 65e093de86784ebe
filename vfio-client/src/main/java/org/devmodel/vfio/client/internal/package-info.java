/** How the client's resources make their system calls; not part of the API. */
package org.devmodel.vfio.client.internal;
