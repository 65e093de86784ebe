package org.devmodel.ioctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.devmodel.core.mem.DisplayHint;
import org.devmodel.core.mem.StructLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IoctlTableTest {
    private static final String HELLO = """
            # a third-party module's table
            const HELLO_TYPE 'h'
            set HELLO_MODES
              HELLO_LOUD   1<<0   # bit 0
              HELLO_QUIET  1<<1
            end
            struct hello_msg
              u32 len
              u32 mode  flags=HELLO_MODES
              u64 buf   hex
              u8  text[]
            end
            ioctl HELLO_SET_MODE  _IO(HELLO_TYPE, 1)                hello  int  values=HELLO_MODES
            ioctl HELLO_SEND      _IOW(HELLO_TYPE, 2, hello_msg)    hello  struct hello_msg
            ioctl HELLO_COUNT     _IOR('h', 3, int)                 hello  int*
            ioctl HELLO_RAW       0xC0106804                        hello  none
            """;

    @Test
    void parsesEveryStatement() throws IOException {
        IoctlTable table = parse(HELLO);
        assertThat(table.constant("HELLO_QUIET")).contains(new Constant("HELLO_QUIET", 2));
        assertThat(table.constantSet("HELLO_MODES").orElseThrow().members()).hasSize(2);
        StructLayout msg = table.layout("hello_msg").orElseThrow();
        assertThat(msg.size()).isEqualTo(16);
        assertThat(msg.field("mode").hint()).isEqualTo(DisplayHint.flags("HELLO_MODES"));
        assertThat(table.ioctl("HELLO_SET_MODE").orElseThrow().number()).isEqualTo(0x6801);
        assertThat(table.ioctl("HELLO_SEND").orElseThrow().number()).isEqualTo(0x40106802);
        assertThat(table.ioctl("HELLO_COUNT").orElseThrow().number()).isEqualTo(0x80046803);
        assertThat(table.ioctl(0xC0106804, "hello")).map(IoctlDescription::name).contains("HELLO_RAW");
        assertThat(table.ioctl("HELLO_SEND").orElseThrow().layout()).contains(msg);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "frob X                               | 1: unknown statement frob",
        "const A                              | 1: expected const NAME EXPR",
        "const A 1\\nconst A 2                | 2: duplicate constant A",
        "const A B                            | 1: unknown constant B",
        "const A (1+)                         | 1: expected a value at ')' in (1+)",
        "const A (1                           | 1: unbalanced quote or parenthesis",
        "const 9A 1                           | 1: bad name 9A",
        "set S\\n  A 1                        | 2: missing end of set S",
        "end                                  | 1: unknown statement end",
        "struct s\\n u24 a\\nend              | 2: unknown field type u24",
        "struct s\\n u32 a\\n u32 a\\nend     | 3: s: duplicate field a",
        "struct s\\n u32 a flags=NOPE\\nend   | 2: unknown constant set NOPE",
        "struct s\\n u8 d[]\\n u32 a\\nend    | 3: s: a after the flexible array",
        "struct s\\nend                       | 2: s: no fields",
        "ioctl A 1 dev                        | 1: expected ioctl NAME NUMBER FILEKIND ARG",
        "ioctl A 1 dev blob                   | 1: unknown argument kind blob",
        "ioctl A 1 dev struct nope            | 1: unknown struct nope",
        "ioctl A 1 dev none extra             | 1: expected none takes no options",
        "ioctl A _IO(';', 300) dev none       | 1: ioctl nr out of range: 300",
        "ioctl A 0x1FFFFFFFF dev none         | 1: ioctl number out of 32 bits: 0x1FFFFFFFF",
        "ioctl A 1 dev none\\nioctl B 1 dev int | 2: B: number 0x1 on dev is already A",
        "ioctl A 1 dev int values=S           | 1: unknown constant set S",
    })
    void malformedLinesAreReportedWithSourceAndLine(String text, String message) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
                .isInstanceOf(IoctlFormatException.class)
                .hasMessage("test.ioctls:" + message)
                .extracting(e -> ((IoctlFormatException) e).source()).isEqualTo("test.ioctls");
    }

    @Test
    void arrayVariantsNeedAFlexibleArray() {
        String text = "const F 1\nstruct s\n u32 a\nend\nioctl A 1 dev struct s array=F:u8\n";
        assertThatThrownBy(() -> parse(text)).hasMessage("test.ioctls:5: struct s has no flexible array for array=");
    }

    @Test
    void commentsAndCharacterLiteralsMayHoldBlanksAndHashes() throws IOException {
        IoctlTable table = parse("const SPACE ' '   # a blank\nconst HASH '#'\n\n   # only a comment\n");
        assertThat(table.constant("SPACE").orElseThrow().value()).isEqualTo(' ');
        assertThat(table.constant("HASH").orElseThrow().value()).isEqualTo('#');
    }

    @Test
    void mergeCombinesTablesAndRefusesDuplicates() throws IOException {
        IoctlTable vfio = VfioIoctlTableTest.readVfioTable();
        IoctlTable hello = parse(HELLO);
        IoctlTable merged = IoctlTable.merge(List.of(vfio, hello));
        assertThat(merged.ioctl("HELLO_SEND")).isPresent();
        assertThat(merged.ioctl(0x3B70, "device")).isPresent();
        assertThat(merged.source()).isEqualTo("vfio.ioctls, test.ioctls");

        IoctlTable clash = parse("const VFIO_TYPE1_IOMMU 1\n");
        assertThatThrownBy(() -> IoctlTable.merge(List.of(vfio, hello, clash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate constant VFIO_TYPE1_IOMMU: defined in vfio.ioctls and in test.ioctls");
        IoctlTable sameNumber = parse("ioctl OTHER _IO(';', 100) container none\n");
        assertThatThrownBy(() -> IoctlTable.merge(List.of(vfio, sameNumber)))
                .hasMessage("duplicate ioctl number 0x3b64 on container: defined in vfio.ioctls and in test.ioctls");
    }

    @Test
    void aModuleTableIsReadFromItsJarWithoutLoadingClasses(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(IoctlTable.RESOURCE));
            out.write(HELLO.getBytes(StandardCharsets.UTF_8));
        }
        ModuleReference module = ModuleFinder.of(jar).find("hello").orElseThrow();
        IoctlTable table = IoctlTable.fromModule(module).orElseThrow();
        assertThat(table.source()).isEqualTo("hello:META-INF/devmodel/ioctls");
        assertThat(table.ioctl("HELLO_SEND")).isPresent();
    }

    @Test
    void aModuleWithoutTableHasNone(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("plain.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.flush();
        }
        ModuleReference module = ModuleFinder.of(jar).find("plain").orElseThrow();
        assertThat(IoctlTable.fromModule(module)).isEmpty();
    }

    private static IoctlTable parse(String text) throws IOException {
        return IoctlTable.parse(new StringReader(text), "test.ioctls");
    }
}
