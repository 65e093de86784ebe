package org.devmodel.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.devmodel.core.DevT;
import org.devmodel.core.Kernel;

/**
 * A modules directory of {@code n} generated driver modules, each a real JPMS module jar requiring
 * only {@code org.devmodel.core}: module {@code gen_NNNNN} owns char device {@code 256+i/256 : i%256}
 * (static misc minors would run out after about 200, char majors do not) and one devname node
 * {@code /dev/gen/dNNNNN}; its {@code init} registers the region and adds the cdev, its {@code exit}
 * undoes both. All modules are compiled by one {@code javac} run; sources, classes and jars are
 * kept under {@code java.io.tmpdir} for later runs, since writing 10,000 modules takes minutes.
 */
final class GeneratedModules {
    /** The first generated major: above every major v3.14 assigns statically that devmodel uses. */
    static final int FIRST_MAJOR = 256;
    /** Bumped whenever the generated source changes, so a stale cache is never reused. */
    private static final int TEMPLATE_VERSION = 1;
    private static final String DONE = "complete";

    private GeneratedModules() {
    }

    /**
     * {@return the directory holding {@code n} generated module jars, generating it first if needed}
     *
     * @param n how many modules
     */
    static Path directory(int n) {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "devmodel-bench-modules",
                "v" + TEMPLATE_VERSION + "-" + n);
        Path jars = root.resolve("jars");
        if (Files.exists(root.resolve(DONE))) {
            return jars;
        }
        try {
            deleteTree(root);
            generate(n, root.resolve("src"), root.resolve("classes"), jars);
            Files.createFile(root.resolve(DONE));
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate " + n + " modules under " + root, e);
        }
    }

    /** {@return the module name of generated module {@code i}} */
    static String name(int i) {
        return String.format("gen_%05d", i);
    }

    /** {@return the device number of generated module {@code i}} */
    static DevT devt(int i) {
        return DevT.of(FIRST_MAJOR + i / 256, i % 256);
    }

    private static void generate(int n, Path src, Path classes, Path jars) throws IOException {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String jpms = "gen.m" + String.format("%05d", i);
            Path dir = src.resolve(jpms);
            Path pkg = dir.resolve(jpms.replace('.', '/'));
            Files.createDirectories(pkg);
            files.add(write(dir.resolve("module-info.java"), "module " + jpms + " {\n"
                    + "    requires org.devmodel.core;\n"
                    + "    provides org.devmodel.core.module.KernelModule with " + jpms + ".Driver;\n}\n"));
            files.add(write(pkg.resolve("Driver.java"), driverSource(i, jpms)));
        }
        List<String> args = new ArrayList<>(List.of("-nowarn", "-proc:none", "--release", "17", "-d",
                classes.toString(), "--module-source-path", src.toString(), "--module-path", corePath()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("generating modules needs a JDK (javax.tools finds no compiler)");
        }
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            if (javac.getTask(errors, fileManager, null, args, null,
                    fileManager.getJavaFileObjectsFromStrings(files)).call() != Boolean.TRUE) {
                throw new IllegalStateException("javac failed on the generated modules:\n" + errors);
            }
        }
        Files.createDirectories(jars);
        for (int i = 0; i < n; i++) {
            String jpms = "gen.m" + String.format("%05d", i);
            jar(classes.resolve(jpms), jars.resolve(name(i) + ".jar"));
        }
    }

    private static String driverSource(int i, String jpms) {
        DevT devt = devt(i);
        return "package " + jpms + ";\n"
                + "import org.devmodel.core.*;\n"
                + "import org.devmodel.core.chrdev.Cdev;\n"
                + "import org.devmodel.core.fs.FileOperations;\n"
                + "import org.devmodel.core.module.*;\n"
                + "@KernelModuleInfo(name = \"" + name(i) + "\", version = \"1.0\", license = \"GPL v2\",\n"
                + "        description = \"generated char driver\",\n"
                + "        aliases = {\"char-major-" + devt.major() + "-" + devt.minor() + "\", \"devname:gen/d"
                + String.format("%05d", i) + "\"})\n"
                + "public final class Driver implements KernelModule {\n"
                + "    private static final DevT DEVT = DevT.of(" + devt.major() + ", " + devt.minor() + ");\n"
                + "    private final FileOperations fops = new FileOperations() { };\n"
                + "    private Kernel kernel;\n"
                + "    private Cdev cdev;\n"
                + "    public void init(ModuleContext ctx) throws KernelException {\n"
                + "        kernel = ctx.kernel();\n"
                + "        try (Unwind unwind = ctx.unwind()) {\n"
                + "            kernel.chrdev().registerRegion(DEVT, 1, \"" + name(i) + "\");\n"
                + "            unwind.onError(() -> kernel.chrdev().unregisterRegion(DEVT, 1));\n"
                + "            cdev = kernel.chrdev().cdevAdd(DEVT, 1, fops);\n"
                + "            unwind.commit();\n"
                + "        }\n"
                + "    }\n"
                + "    public void exit() {\n"
                + "        kernel.chrdev().cdevDel(cdev);\n"
                + "        kernel.chrdev().unregisterRegion(DEVT, 1);\n"
                + "    }\n"
                + "}\n";
    }

    private static String write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file.toString();
    }

    /** The jar of {@code org.devmodel.core} this JVM runs, which the generated modules compile against. */
    private static String corePath() {
        return Kernel.class.getModule().getLayer().configuration().findModule("org.devmodel.core").orElseThrow()
                .reference().location().map(Path::of).orElseThrow().toString();
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
