package org.devmodel.vfio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.internal.VfioUser.assertErrno;

import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.Test;

class IdrTest {
    private final Idr<String> idr = new Idr<>();

    @Test
    void idsStartAtTheStartAndTheLowestFreeIsReusedFirst() throws KernelException {
        assertThat(idr.alloc("a", 0, 10)).isZero();
        assertThat(idr.alloc("b", 0, 10)).isEqualTo(1);
        assertThat(idr.alloc("c", 0, 10)).isEqualTo(2);
        idr.remove(1);
        idr.remove(0);

        assertThat(idr.alloc("d", 0, 10)).isZero();
        assertThat(idr.alloc("e", 0, 10)).isEqualTo(1);
        assertThat(idr.alloc("f", 0, 10)).isEqualTo(3);
        assertThat(idr.find(1)).contains("e");
        assertThat(idr.size()).isEqualTo(4);
    }

    @Test
    void theLastGroupMinorIsMinormaskAndThenTheIdrIsFull() throws KernelException {
        int end = DevT.MINORMASK + 1;
        assertThat(idr.alloc("a", DevT.MINORMASK - 1, end)).isEqualTo(DevT.MINORMASK - 1);
        assertThat(idr.alloc("b", DevT.MINORMASK - 1, end)).isEqualTo(DevT.MINORMASK);

        assertErrno(Errno.ENOSPC, () -> idr.alloc("c", DevT.MINORMASK - 1, end));
        idr.remove(DevT.MINORMASK);
        assertThat(idr.find(DevT.MINORMASK)).isEmpty();
        assertThat(idr.alloc("c", DevT.MINORMASK - 1, end)).isEqualTo(DevT.MINORMASK);
    }
}
