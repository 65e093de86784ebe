package org.devmodel.core.internal.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fault.FaultInjector;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fault.InjectedFault;
import org.devmodel.core.fault.Ledger;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.fault.ResourceTracker;

/**
 * A kernel's ledger, fault injector and tracker in one: they share the record of calls in progress
 * on each thread, which decides both the owner and the parent of every event.
 */
public final class Tracker implements Ledger, FaultInjector, ResourceTracker {
    private final Object lock = new Object();
    private final List<LedgerEvent> events = new ArrayList<>();
    private final List<ArmedFault> armed = new ArrayList<>();
    private final Map<String, Integer> steps = new HashMap<>();
    private final Map<String, FaultSite> sites = new HashMap<>();
    private final ThreadLocal<Frames> frames = ThreadLocal.withInitial(Frames::new);
    private long nextScope = 1;

    /**
     * Runs code as an owner: the module's {@code init}, {@code exit} or a callback into it.
     * Calls it makes are steps of that owner.
     *
     * @param owner the module name
     * @param body the code
     * @param <T> its result
     * @return what the body returned
     * @throws Exception what the body threw
     */
    public <T> T callAs(String owner, Callable<T> body) throws Exception {
        enter(owner);
        try {
            return body.call();
        } finally {
            leave();
        }
    }

    /**
     * Starts running code as an owner on this thread, without allocating; every {@code enter} is
     * followed by a {@link #leave} in a {@code finally}.
     *
     * @param owner the module name
     */
    public void enter(String owner) {
        frames.get().push(owner, 0);
    }

    /** Ends what the last {@link #enter} on this thread started. */
    public void leave() {
        frames.get().pop();
    }

    /** {@return the owner of code running on this thread now} */
    public String currentOwner() {
        return frames.get().owner();
    }

    private long currentParent() {
        return frames.get().scope();
    }

    @Override
    public <T> T acquire(FaultSite site, Acquisition<T> action, Function<? super T, String> resource)
            throws KernelException {
        String owner = currentOwner();
        long parent = currentParent();
        long scope;
        synchronized (lock) {
            scope = nextScope++;
            Optional<Errno> injected = pass(site, owner, parent == 0);
            if (injected.isPresent()) {
                throw new KernelException(injected.get(), site.name() + ": injected fault");
            }
        }
        Frames stack = frames.get();
        stack.push(owner, scope);
        T result;
        try {
            result = action.acquire();
        } finally {
            stack.pop();
        }
        record(LedgerEvent.Kind.ACQUIRE, site.name(), resource.apply(result), owner, scope, parent);
        return result;
    }

    @Override
    public void release(String site, String resource, Runnable action) {
        String owner = currentOwner();
        long parent = currentParent();
        long scope;
        synchronized (lock) {
            scope = nextScope++;
        }
        record(LedgerEvent.Kind.RELEASE, site, resource, owner, scope, parent);
        Frames stack = frames.get();
        stack.push(owner, scope);
        try {
            action.run();
        } finally {
            stack.pop();
        }
    }

    /** Counts a step and fires the first armed fault that matches; called with the lock held. */
    private Optional<Errno> pass(FaultSite site, String owner, boolean isStep) {
        sites.putIfAbsent(site.name(), site);
        int step = 0;
        if (isStep) {
            step = steps.merge(owner, 1, Integer::sum);
        }
        for (ArmedFault fault : armed) {
            if (fault.matches(site, owner, isStep, step)) {
                armed.remove(fault);
                return Optional.of(fault.fire(site));
            }
        }
        return Optional.empty();
    }

    private void record(LedgerEvent.Kind kind, String site, String resource, String owner, long scope,
                        long parent) {
        synchronized (lock) {
            events.add(new LedgerEvent(events.size() + 1L, kind, site, resource, owner, scope, parent));
        }
    }

    @Override
    public long mark() {
        synchronized (lock) {
            return events.size() + 1L;
        }
    }

    @Override
    public List<LedgerEvent> since(long mark) {
        synchronized (lock) {
            int from = (int) Math.max(0, Math.min(events.size(), mark - 1));
            return List.copyOf(events.subList(from, events.size()));
        }
    }

    @Override
    public List<LedgerEvent> outstanding(String owner) {
        Objects.requireNonNull(owner, "owner");
        List<LedgerEvent> open = new ArrayList<>();
        synchronized (lock) {
            for (LedgerEvent e : events) {
                if (!e.owner().equals(owner)) {
                    continue;
                }
                if (e.kind() == LedgerEvent.Kind.ACQUIRE) {
                    open.add(e);
                } else {
                    removeLastNamed(open, e.resource());
                }
            }
        }
        return List.copyOf(open);
    }

    private static void removeLastNamed(List<LedgerEvent> open, String resource) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (open.get(i).resource().equals(resource)) {
                open.remove(i);
                return;
            }
        }
    }

    @Override
    public InjectedFault arm(FaultRule rule) {
        Objects.requireNonNull(rule, "rule");
        ArmedFault fault = new ArmedFault(rule);
        synchronized (lock) {
            armed.add(fault);
        }
        return fault;
    }

    @Override
    public Optional<FaultSite> site(String name) {
        synchronized (lock) {
            return Optional.ofNullable(sites.get(name));
        }
    }

    @Override
    public int steps(String owner) {
        synchronized (lock) {
            return steps.getOrDefault(owner, 0);
        }
    }

    private final class ArmedFault implements InjectedFault {
        private final FaultRule rule;
        private FaultSite firedAt;
        private Errno injected;

        ArmedFault(FaultRule rule) {
            this.rule = rule;
        }

        boolean matches(FaultSite site, String owner, boolean isStep, int step) {
            if (rule instanceof FaultRule.AtSite atSite) {
                return atSite.site().equals(site.name());
            }
            FaultRule.AtStep atStep = (FaultRule.AtStep) rule;
            return isStep && atStep.owner().equals(owner) && atStep.step() == step;
        }

        Errno fire(FaultSite site) {
            firedAt = site;
            injected = rule.errno().orElse(site.naturalErrno());
            return injected;
        }

        @Override
        public FaultRule rule() {
            return rule;
        }

        @Override
        public Optional<FaultSite> firedAt() {
            synchronized (lock) {
                return Optional.ofNullable(firedAt);
            }
        }

        @Override
        public Optional<Errno> injected() {
            synchronized (lock) {
                return Optional.ofNullable(injected);
            }
        }

        @Override
        public void disarm() {
            synchronized (lock) {
                armed.remove(this);
            }
        }
    }
}
