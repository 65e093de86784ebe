package org.devmodel.cli.run;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.cli.script.Command;
import org.devmodel.cli.script.IoctlArgument;
import org.devmodel.cli.script.Numbers;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.Value;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.FieldType;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.core.mem.StructValue;
import org.devmodel.ioctl.ArgKind;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;

/**
 * The {@code ioctl} command: puts the argument in scratch memory, makes the call and traces it with
 * the argument as it is in memory after the call, failed or not.
 */
final class IoctlCall {
    private final Session session;
    private final IoctlTable table;
    private final StructFormatter structs;

    IoctlCall(Session session, IoctlTable table) {
        this.session = session;
        this.table = table;
        this.structs = new StructFormatter(table);
    }

    Outcome run(Command.Ioctl ioctl) throws ScriptException {
        int fd = session.bindings().fd(ioctl.fd());
        long argument = prepare(ioctl);
        String result;
        Outcome outcome;
        try {
            long value = session.process().syscalls().ioctl(fd, ioctl.number(), argument);
            ioctl.result().ifPresent(name -> session.bindings().bindFd(name, (int) value));
            result = Long.toString(value);
            outcome = Outcome.success(value, "");
        } catch (KernelException e) {
            ioctl.result().ifPresent(name -> session.bindings().bindFd(name, -1));
            result = Trace.failed(e.errno());
            outcome = Outcome.failure(e.errno(), "");
        }
        List<String> args = new ArrayList<>(List.of(Integer.toString(fd), requestName(ioctl)));
        if (!(ioctl.argument() instanceof IoctlArgument.Absent)) {
            args.add(renderedValue(ioctl, argument));
        }
        String line = Trace.call("ioctl", args, result);
        return new Outcome(outcome.errno(), outcome.value(), Optional.empty(), line, "");
    }

    /** A CMD given by number is printed in hex, whatever the table calls it. */
    private static String requestName(Command.Ioctl ioctl) {
        return ioctl.description().map(IoctlDescription::name)
                .orElseGet(() -> "0x" + Integer.toHexString(ioctl.number()));
    }

    /** {@return what the kernel receives: the value itself, or the address of the argument in scratch memory} */
    private long prepare(Command.Ioctl ioctl) throws ScriptException {
        IoctlArgument argument = ioctl.argument();
        try {
            if (argument instanceof IoctlArgument.Scalar scalar) {
                return session.resolve(scalar.value());
            }
            if (argument instanceof IoctlArgument.FdPointer pointer) {
                return inMemory(intBytes(session.process().kernelFd(session.bindings().fd(pointer.fd()))));
            }
            if (argument instanceof IoctlArgument.Text text) {
                byte[] bytes = text.text().getBytes(StandardCharsets.UTF_8);
                return inMemory(Arrays.copyOf(bytes, bytes.length + 1));
            }
            if (argument instanceof IoctlArgument.Struct struct) {
                return inMemory(structValue(struct).toBytes());
            }
            return 0;
        } catch (KernelException e) {
            throw new IllegalStateException("the scratch area refused an argument", e);
        }
    }

    private long inMemory(byte[] bytes) throws KernelException {
        long address = session.scratch().allocate(bytes.length);
        session.process().memory().copyToUser(address, bytes);
        return address;
    }

    private static byte[] intBytes(int value) {
        byte[] bytes = new byte[4];
        FieldType.S32.write(bytes, 0, value);
        return bytes;
    }

    private StructValue structValue(IoctlArgument.Struct struct) throws ScriptException {
        StructLayout layout = struct.layout();
        StructValue value = StructValue.of(layout, struct.data().size());
        for (Map.Entry<String, Value> field : struct.fields().entrySet()) {
            value.set(field.getKey(), fit(layout.field(field.getKey()).type(), session.resolve(field.getValue())));
        }
        FieldType element = struct.data().isEmpty() ? FieldType.U8
                : (FieldType) layout.flexibleArray().orElseThrow().element();
        for (int i = 0; i < struct.data().size(); i++) {
            value.setElement(i, fit(element, session.resolve(struct.data().get(i))));
        }
        return value;
    }

    /** A value known only at run time (an fd of -1 in a u32) is cut to the field's width, as C does. */
    private static long fit(FieldType type, long value) {
        return type.fits(value) ? value : value & ((1L << (8 * type.size())) - 1);
    }

    private String renderedValue(Command.Ioctl ioctl, long argument) {
        if (ioctl.description().isEmpty()) {
            // strace shows the argument of an ioctl it cannot decode as %#lx: it may be a pointer.
            return Numbers.hexOrZero(argument);
        }
        IoctlArgument written = ioctl.argument();
        if (written instanceof IoctlArgument.FdPointer) {
            return "[" + readBack(argument, 4).map(b -> Long.toString(scriptFd(FieldType.S32.read(b, 0)))).orElse("?")
                    + "]";
        }
        if (written instanceof IoctlArgument.Text text) {
            return Trace.quote(text.text());
        }
        if (written instanceof IoctlArgument.Struct struct) {
            return readStruct(argument, struct).orElseGet(() -> Trace.pointer(argument));
        }
        Value scalar = ((IoctlArgument.Scalar) written).value();
        return scalar(ioctl.description().get(), scalar instanceof Value.FdNumber ? scriptFd(argument) : argument);
    }

    /** An fd the script put in the argument is shown by the script's number, as the kernel's may differ. */
    private long scriptFd(long kernelFd) {
        return session.process().scriptFd((int) kernelFd);
    }

    /** An integer argument is shown by name where the ioctl's description names its values. */
    private String scalar(IoctlDescription ioctl, long value) {
        if (ioctl.argKind() == ArgKind.INT) {
            return ioctl.valueSet().flatMap(table::constantSet).flatMap(set -> set.nameOf(value))
                    .orElse(Long.toString(value));
        }
        return ioctl.argKind() == ArgKind.NONE ? Long.toString(value) : Trace.pointer(value);
    }

    private Optional<String> readStruct(long address, IoctlArgument.Struct struct) {
        try {
            StructValue after = StructValue.copyFromUser(session.process().memory(), address, struct.layout(),
                    struct.data().size());
            return Optional.of(structs.format(withScriptFds(after, struct)));
        } catch (KernelException e) {
            return Optional.empty();
        }
    }

    /** The fields and elements the script wrote as {@code #NAME} are shown by the script's numbers. */
    private StructValue withScriptFds(StructValue after, IoctlArgument.Struct struct) {
        StructLayout layout = struct.layout();
        for (Map.Entry<String, Value> field : struct.fields().entrySet()) {
            if (field.getValue() instanceof Value.FdNumber) {
                after.set(field.getKey(), fit(layout.field(field.getKey()).type(), scriptFd(after.get(field.getKey()))));
            }
        }
        for (int i = 0; i < struct.data().size(); i++) {
            if (struct.data().get(i) instanceof Value.FdNumber) {
                FieldType element = (FieldType) layout.flexibleArray().orElseThrow().element();
                after.setElement(i, fit(element, scriptFd(after.getElement(i))));
            }
        }
        return after;
    }

    private Optional<byte[]> readBack(long address, int length) {
        try {
            return Optional.of(session.process().memory().copyFromUser(address, length));
        } catch (KernelException e) {
            return Optional.empty();
        }
    }
}
