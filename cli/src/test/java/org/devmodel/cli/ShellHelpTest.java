package org.devmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.devmodel.cli.script.AdminVerb;
import org.devmodel.cli.script.ProcessVerb;
import org.junit.jupiter.api.Test;

/** The shell's help, written from the command tables, reads as it did when it was written by hand. */
class ShellHelpTest {
    /** The hand-written help the tables replaced, kept byte for byte. */
    private static final String BEFORE_THE_TABLES = """
            Process commands (each prints an strace-style line):
              open NAME PATH [FLAGS]                 FLAGS default O_RDWR; binds NAME to the fd
              close NAME
              ioctl NAME CMD [ARG] [as NEWNAME]      ARG: N, CONST|CONST, @NAME, "string", {field=value, ...}
                                                     values: N, CONST, &BUF, &BUF+OFFSET, #NAME, data=[v1, v2]
              read NAME COUNT [at OFFSET]            OFFSET: N or a region such as BAR0+0x4
              write NAME DATA [at OFFSET]            DATA: x:HEX, "text", u8:/u16:/u32:/u64:VALUE
              mmap BUF LENGTH [NAME OFFSET [MAP_PRIVATE]]
              poke BUF OFFSET DATA
              peek BUF OFFSET COUNT
              eventfd NAME [EFD_NONBLOCK]
              user UID [GID]    ulimit -l KIB    sleep DURATION (100ms, 2s)
            Admin commands (print what the real tool prints):
              modprobe [-r] MODULE [param=value ...]   rmmod MODULE   lsmod   modinfo MODULE
              bind BDF DRIVER   unbind BDF   new_id VENDOR DEVICE DRIVER
              ls [-l] PATH   cat PATH   stat PATH   dmesg
              state [--dot]
            Any command may end with => N, => ERRNO, => ok, => x:HEX, => "text" or => !"text".
            help shows this; exit, quit or end of input leaves.
            """;

    @Test
    void theHelpIsTheHandWrittenOne() {
        assertThat(ShellHelp.TEXT).isEqualTo(BEFORE_THE_TABLES);
    }

    @Test
    void everyCommandOfTheTablesIsInTheHelp() {
        Arrays.stream(ProcessVerb.values()).forEach(v -> assertThat(ShellHelp.TEXT).contains("  " + v.usage()));
        Arrays.stream(AdminVerb.values()).forEach(v -> assertThat(ShellHelp.TEXT).contains(v.usage()));
    }
}
