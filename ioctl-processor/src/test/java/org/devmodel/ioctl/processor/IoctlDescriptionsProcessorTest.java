package org.devmodel.ioctl.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the processor in javac over small UAPI classes. The annotations and core's builder are
 * stood in for by stubs of the same names, since the processor knows them only by name.
 */
class IoctlDescriptionsProcessorTest {
    private static final Map<String, String> STUBS = Map.of(
            "org.devmodel.ioctl.IoctlDescriptions", "package org.devmodel.ioctl; public @interface IoctlDescriptions {}",
            "org.devmodel.ioctl.Ioctl", "package org.devmodel.ioctl; public @interface Ioctl { String file(); String arg(); }",
            "org.devmodel.ioctl.InSet", "package org.devmodel.ioctl; public @interface InSet { String value(); }",
            "org.devmodel.core.mem.DisplayHint", "package org.devmodel.core.mem; public interface DisplayHint {"
                    + " DisplayHint HEX = null; static DisplayHint flags(String set) { return null; } }",
            "org.devmodel.core.mem.IoctlNumber", "package org.devmodel.core.mem; public final class IoctlNumber {"
                    + " public static int iowr(int type, int nr, int size) { return 0; } }",
            "org.devmodel.core.mem.StructLayout", "package org.devmodel.core.mem; public final class StructLayout {"
                    + " public static Builder builder(String name) { return new Builder(); }"
                    + " public int size() { return 0; }"
                    + " public static final class Builder {"
                    + "  public Builder u32(String f) { return this; } public Builder u64(String f) { return this; }"
                    + "  public Builder hint(DisplayHint h) { return this; } public Builder pad(int n) { return this; }"
                    + "  public Builder flexibleArray(String f, Object e) { return this; }"
                    + "  public StructLayout build() { return null; } } }");

    @TempDir
    Path out;

    @Test
    void writesEveryKindOfStatementInTheOrderTheFormatNeeds() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("""
                package x;
                import static org.devmodel.core.mem.DisplayHint.HEX;
                import org.devmodel.core.mem.*;
                import org.devmodel.ioctl.*;
                @IoctlDescriptions
                final class Uapi {
                    @Ioctl(file = "dev", arg = "struct demo_info")
                    static final int DEMO_GET_INFO = (';' << 8) | 100;
                    static final int DEMO_MAGIC = 'd';
                    @InSet("DEMO_FLAGS") static final int DEMO_FLAG_A = 1 << 0;
                    @InSet("DEMO_FLAGS") static final int DEMO_FLAG_B = 1 << 1;
                    static final StructLayout DEMO_ITEM = StructLayout.builder("demo_item").u32("id").build();
                    static final StructLayout DEMO_INFO = StructLayout.builder("demo_info")
                            .u32("argsz").u32("flags").hint(DisplayHint.flags("DEMO_FLAGS")).u64("base").hint(HEX)
                            .flexibleArray("items", DEMO_ITEM).build();
                    @Ioctl(file = "dev", arg = "struct demo_info")
                    static final int DEMO_EXCHANGE = IoctlNumber.iowr(DEMO_MAGIC, 1, DEMO_INFO.size());
                }
                """);
        assertThat(errors).isEmpty();
        assertThat(Files.readString(out.resolve("META-INF/devmodel/ioctls"))).isEqualTo("""
                # Written by devmodel-ioctl-processor from x.Uapi; edit those classes, not this file.
                const DEMO_MAGIC 0x64
                set DEMO_FLAGS
                  DEMO_FLAG_A 0x1
                  DEMO_FLAG_B 0x2
                end
                struct demo_item
                  u32 id
                end
                struct demo_info
                  u32 argsz
                  u32 flags  flags=DEMO_FLAGS
                  u64 base  hex
                  struct demo_item items[]
                end
                ioctl DEMO_GET_INFO 0x3b64 dev struct demo_info
                ioctl DEMO_EXCHANGE _IOWR(DEMO_MAGIC, 1, demo_info) dev struct demo_info
                """);
    }

    @Test
    void aBuilderCallTheFormatCannotSayIsACompileErrorOnItsField() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("""
                package x;
                import org.devmodel.core.mem.StructLayout;
                import org.devmodel.ioctl.IoctlDescriptions;
                @IoctlDescriptions
                final class Uapi {
                    static final StructLayout PADDED = StructLayout.builder("padded").u32("a").pad(4).build();
                }
                """);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getMessage(null)).isEqualTo("@IoctlDescriptions: PADDED: unsupported call pad in a struct layout");
            assertThat(e.getLineNumber()).isEqualTo(6);
        });
    }

    @Test
    void aConstantJavacCannotComputeIsACompileError() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("""
                package x;
                import org.devmodel.ioctl.IoctlDescriptions;
                @IoctlDescriptions
                final class Uapi {
                    static final int COMPUTED = Integer.parseInt("7");
                }
                """);
        assertThat(errors).extracting(e -> e.getMessage(null))
                .containsExactly("@IoctlDescriptions: COMPUTED: not a compile-time constant");
    }

    @Test
    void aSetOrStructNoClassDefinesIsACompileError() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("""
                package x;
                import org.devmodel.core.mem.*;
                import org.devmodel.ioctl.*;
                @IoctlDescriptions
                final class Uapi {
                    static final StructLayout INFO = StructLayout.builder("info")
                            .u32("flags").hint(DisplayHint.flags("NO_SUCH_FLAGS")).build();
                    @Ioctl(file = "dev", arg = "struct no_such_struct")
                    static final int GET = 1;
                }
                """);
        assertThat(errors).extracting(e -> e.getMessage(null)).containsExactly(
                "@IoctlDescriptions: struct info names the set NO_SUCH_FLAGS, which no @InSet constant defines",
                "@IoctlDescriptions: ioctl GET names struct no_such_struct, which no StructLayout field defines");
        assertThat(out.resolve("META-INF/devmodel/ioctls")).doesNotExist();
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(String uapi) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> sources = new ArrayList<>();
        STUBS.forEach((name, text) -> sources.add(source(name, text)));
        sources.add(source("x.Uapi", uapi));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler.CompilationTask task = javac.getTask(null, null, diagnostics,
                List.of("-d", out.toString(), "-proc:only"), null, sources);
        task.setProcessors(List.of(new IoctlDescriptionsProcessor()));
        task.call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    private static JavaFileObject source(String className, String text) {
        URI uri = URI.create("string:///" + className.replace('.', '/') + ".java");
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }
}
