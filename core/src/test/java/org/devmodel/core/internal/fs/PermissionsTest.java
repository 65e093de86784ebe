package org.devmodel.core.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.core.internal.Errnos.errnoOf;

import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.internal.TestNodes;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code open(2)}'s permission check of a node's mode against the caller's credentials. */
class PermissionsTest {
    private static final Credentials USER = new Credentials(1000, 1000);

    private Kernel kernel;

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    private Syscalls as(Credentials credentials) {
        return kernel.spawn(credentials).syscalls();
    }

    @Test
    void aUserIsRefusedARootNodeOfMode0600WithEacces() throws Exception {
        TestNodes.node(kernel, "secret", 0600, new FileOperations() { });

        assertThat(errnoOf(() -> as(USER).open("/dev/secret", OpenFlags.O_RDWR))).isEqualTo(Errno.EACCES);
        assertThat(errnoOf(() -> as(USER).open("/dev/secret", OpenFlags.O_RDONLY))).isEqualTo(Errno.EACCES);
    }

    @Test
    void aUserMayOpenARootNodeOfMode0666() throws Exception {
        TestNodes.node(kernel, "public", 0666, new FileOperations() { });

        assertThat(as(USER).open("/dev/public", OpenFlags.O_RDWR)).isEqualTo(3);
    }

    @Test
    void rootMayOpenANodeOfMode0600OrEvenNoBitsAtAll() throws Exception {
        TestNodes.node(kernel, "secret", 0600, new FileOperations() { });
        kernel.vfs().devtmpfs().chmod("secret", 0);

        assertThat(as(Credentials.ROOT).open("/dev/secret", OpenFlags.O_RDWR)).isEqualTo(3);
    }

    @Test
    void theOthersBitsDecideForAUserThatIsNeitherOwnerNorGroup() throws Exception {
        TestNodes.node(kernel, "readonly", 0644, new FileOperations() { });

        assertThat(as(USER).open("/dev/readonly", OpenFlags.O_RDONLY)).isEqualTo(3);
        assertThat(errnoOf(() -> as(USER).open("/dev/readonly", OpenFlags.O_WRONLY))).isEqualTo(Errno.EACCES);
    }

    @Test
    void theGroupBitsDecideForAMemberOfTheGroup() throws Exception {
        TestNodes.node(kernel, "grouped", 0660, new FileOperations() { });
        Credentials rootGroup = new Credentials(1000, 0);

        assertThat(as(rootGroup).open("/dev/grouped", OpenFlags.O_RDWR)).isEqualTo(3);
        assertThat(errnoOf(() -> as(USER).open("/dev/grouped", OpenFlags.O_RDWR))).isEqualTo(Errno.EACCES);
    }

    @Test
    void theOwnersBitsApplyToTheOwnerEvenWhenOthersHaveMore() throws Exception {
        org.devmodel.core.DevT devt = kernel.chrdev().allocRegion(0, 1, "odd");
        kernel.chrdev().cdevAdd(devt, 1, new FileOperations() { });
        kernel.vfs().devtmpfs().createNode("odd", org.devmodel.core.fs.FileType.CHAR_DEVICE, devt, 0066, 1000, 1000);

        assertThat(errnoOf(() -> as(USER).open("/dev/odd", OpenFlags.O_RDWR))).isEqualTo(Errno.EACCES);
        assertThat(as(new Credentials(2000, 2000)).open("/dev/odd", OpenFlags.O_RDWR)).isEqualTo(3);
    }

    @Test
    void theModeUdevAppliesIsWhatTheCheckSees() throws Exception {
        TestNodes.node(kernel, "later", 0600, new FileOperations() { });
        assertThat(errnoOf(() -> as(USER).open("/dev/later", OpenFlags.O_RDWR))).isEqualTo(Errno.EACCES);

        kernel.vfs().devtmpfs().chmod("later", 0666);

        assertThat(as(USER).open("/dev/later", OpenFlags.O_RDWR)).isEqualTo(3);
    }

    @Test
    void changedCredentialsApplyToLaterOpens() throws Exception {
        TestNodes.node(kernel, "secret", 0600, new FileOperations() { });
        Task task = kernel.spawn(Credentials.ROOT);
        int fd = task.syscalls().open("/dev/secret", OpenFlags.O_RDWR);

        task.setCredentials(USER);

        assertThat(errnoOf(() -> task.syscalls().open("/dev/secret", OpenFlags.O_RDWR))).isEqualTo(Errno.EACCES);
        task.syscalls().close(fd);
    }
}
