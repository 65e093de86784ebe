package org.devmodel.ioctl.processor;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/devmodel/ioctls} into the class output from every class annotated
 * {@code org.devmodel.ioctl.IoctlDescriptions} in the compilation (the rules are on that
 * annotation). A field it cannot describe is a compile error on that field.
 */
@SupportedAnnotationTypes(IoctlDescriptionsProcessor.MARKER)
public final class IoctlDescriptionsProcessor extends AbstractProcessor {
    static final String MARKER = "org.devmodel.ioctl.IoctlDescriptions";
    private static final String IOCTL = "org.devmodel.ioctl.Ioctl";
    private static final String IN_SET = "org.devmodel.ioctl.InSet";
    private static final String LAYOUT = "org.devmodel.core.mem.StructLayout";
    private static final String RESOURCE = "META-INF/devmodel/ioctls";

    private final DescriptionsText text = new DescriptionsText();
    private final Map<String, String> layouts = new HashMap<>();
    private Trees trees;

    /** Creates the processor; javac calls it through the service file. */
    public IoctlDescriptionsProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        trees = Trees.instance(env);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            round.getElementsAnnotatedWith(annotation).stream()
                    .map(TypeElement.class::cast)
                    .sorted(Comparator.comparing(t -> t.getQualifiedName().toString()))
                    .forEach(this::read);
        }
        if (round.processingOver() && !text.isEmpty()) {
            List<String> problems = text.undefinedNames();
            problems.forEach(p -> processingEnv.getMessager()
                    .printMessage(Diagnostic.Kind.ERROR, "@IoctlDescriptions: " + p));
            if (problems.isEmpty()) {
                write();
            }
        }
        return true;
    }

    private void read(TypeElement type) {
        text.source(type.getQualifiedName().toString());
        List<VariableElement> fields = ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
                .filter(f -> f.getModifiers().containsAll(Set.of(Modifier.STATIC, Modifier.FINAL))).toList();
        InitializerReader reader = new InitializerReader(layouts);
        for (VariableElement field : fields) {
            try {
                if (field.asType().toString().equals(LAYOUT)) {
                    InitializerReader.Struct struct = reader.struct(initializer(field));
                    layouts.put(field.getSimpleName().toString(), struct.name());
                    text.struct(struct.name(), struct.fields());
                } else if (field.asType().getKind().isPrimitive()) {
                    readConstant(field, reader);
                }
            } catch (IllegalArgumentException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "@IoctlDescriptions: " + field.getSimpleName() + ": " + e.getMessage(), field);
            }
        }
    }

    private void readConstant(VariableElement field, InitializerReader reader) {
        String name = field.getSimpleName().toString();
        Optional<String> value = Optional.ofNullable(field.getConstantValue()).map(IoctlDescriptionsProcessor::value);
        Optional<AnnotationMirror> ioctl = annotation(field, IOCTL);
        if (ioctl.isPresent()) {
            String number = value.isPresent() ? value.get() : reader.ioctlNumber(initializer(field));
            text.ioctl(name, number, string(ioctl.get(), "file"), string(ioctl.get(), "arg"));
            return;
        }
        String constant = value.orElseThrow(() -> new IllegalArgumentException("not a compile-time constant"));
        Optional<AnnotationMirror> set = annotation(field, IN_SET);
        if (set.isPresent()) {
            text.member(string(set.get(), "value"), name, constant);
        } else {
            text.constant(name, constant);
        }
    }

    /** Hex, since the format has no minus sign and ioctl numbers read best that way. */
    private static String value(Object constant) {
        long v = constant instanceof Character c ? c : ((Number) constant).longValue();
        return constant instanceof Long ? "0x" + Long.toHexString(v) : "0x" + Integer.toHexString((int) v);
    }

    private ExpressionTree initializer(VariableElement field) {
        Tree tree = trees.getTree(field);
        if (tree instanceof VariableTree variable && variable.getInitializer() != null) {
            return variable.getInitializer();
        }
        throw new IllegalArgumentException("no initializer in the source");
    }

    private static Optional<AnnotationMirror> annotation(Element element, String type) {
        return element.getAnnotationMirrors().stream()
                .filter(a -> a.getAnnotationType().toString().equals(type))
                .map(AnnotationMirror.class::cast).findFirst();
    }

    private static String string(AnnotationMirror annotation, String element) {
        return annotation.getElementValues().entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals(element))
                .map(e -> (String) ((AnnotationValue) e.getValue()).getValue()).findFirst().orElseThrow();
    }

    private void write() {
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
            try (Writer out = file.openWriter()) {
                out.write(text.render());
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + RESOURCE + ": " + e);
        }
    }
}
