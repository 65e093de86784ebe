/**
 * A VFIO client: userspace drivers written once against a process's {@code Syscalls} and
 * {@code UserMemory}, run on the model kernel in their tests and on the real kernel through the
 * host bridge. {@link org.devmodel.vfio.client.Container}, {@link org.devmodel.vfio.client.Group}
 * and {@link org.devmodel.vfio.client.Device} wrap the three kinds of VFIO fd; every failed call
 * throws {@link org.devmodel.core.KernelException} with the kernel's errno, and each fd is an
 * {@link java.lang.AutoCloseable} that try-with-resources closes in the order the kernel needs.
 *
 * <p>The sequence of {@code Documentation/vfio.txt}, for a device at {@code 0000:06:0d.0} in IOMMU
 * group 26 (the client's tests run it on the model's edu device):
 *
 * <pre>{@code
 * Userspace process = new Userspace(syscalls, memory);   // task.syscalls(), task.memory() on the model
 * try (Container container = Container.open(process);   // open("/dev/vfio/vfio", O_RDWR)
 *      Group group = Group.open(process, 26)) {          // open("/dev/vfio/26", O_RDWR)
 *     if (container.apiVersion() != VfioIoctls.VFIO_API_VERSION) {
 *         throw new IllegalStateException("unknown API version");
 *     }
 *     if (!container.supports(IommuType.TYPE1)) {
 *         throw new IllegalStateException("no type1 IOMMU");
 *     }
 *     if (!group.status().viable()) {                    // VFIO_GROUP_GET_STATUS
 *         throw new IllegalStateException("not all devices of the group are bound to vfio");
 *     }
 *     group.setContainer(container);                     // VFIO_GROUP_SET_CONTAINER
 *     container.setIommu(IommuType.TYPE1);                // VFIO_SET_IOMMU
 *     Type1Info iommu = container.iommuInfo();            // VFIO_IOMMU_GET_INFO
 *
 *     long buffer = memory.mmap(1024 * 1024);            // 1 MiB of the process ...
 *     container.mapDma(buffer, 0, 1024 * 1024, DmaAccess.READ_WRITE);  // ... at IOVA 0: VFIO_IOMMU_MAP_DMA
 *
 *     Device device = group.device("0000:06:0d.0");       // VFIO_GROUP_GET_DEVICE_FD, closed with the group
 *     DeviceInfo info = device.info();                    // VFIO_DEVICE_GET_INFO
 *     for (Region region : device.regions()) {            // VFIO_DEVICE_GET_REGION_INFO for each index
 *         // read and write offsets, mmap; for PCI devices config space is a region
 *     }
 *     for (IrqInfo irq : device.irqs()) {                 // VFIO_DEVICE_GET_IRQ_INFO for each index
 *         // set up eventfds: device.setIrqs(irq.index(), 0, eventfd), VFIO_DEVICE_SET_IRQS
 *     }
 *     if (info.resettable()) {
 *         device.reset();                                 // gratuitous device reset and go
 *     }
 * }
 * }</pre>
 *
 * <p>On the real kernel {@code syscalls} is {@code HostSyscalls.load()} and {@code memory} its
 * {@code memory()}. Interrupts arrive on an {@link org.devmodel.vfio.client.EventFd}, which
 * {@link org.devmodel.vfio.client.EventFd#await} waits for with a
 * {@link org.devmodel.vfio.client.WaitStrategy}: sleeping on the real kernel, advancing the virtual
 * clock on the model.
 *
 * <p>Arguments are never null. The objects may be shared between threads, each call being atomic,
 * but the kernel sees the calls in whatever order the threads make them.
 */
package org.devmodel.vfio.client;
