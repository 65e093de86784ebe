package org.devmodel.core.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A kernel work queue: one worker thread running items in order, and a way to wait until it is
 * idle ({@code flush_workqueue}), which {@code settle()} uses.
 */
public final class WorkQueue implements AutoCloseable {
    private final ThreadPoolExecutor worker;
    private final Object lock = new Object();
    private int pending;

    /**
     * @param name the worker thread's name, e.g. {@code kworker/events}
     */
    public WorkQueue(String name) {
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        // Start the thread now: a thread created lazily by the first queue() call would capture the
        // caller's access-control context, and with it the class loader of a driver layer whose init
        // queued the work, so that layer could never be collected.
        worker.prestartAllCoreThreads();
    }

    /**
     * Queues work.
     *
     * @param work what to run on the worker
     */
    public void queue(Runnable work) {
        synchronized (lock) {
            pending++;
        }
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } finally {
                    done();
                }
            });
        } catch (RejectedExecutionException e) {
            // a closed queue drops the work; the count must drop too, or a flush would wait forever
            done();
        }
    }

    private void done() {
        synchronized (lock) {
            pending--;
            lock.notifyAll();
        }
    }

    /** {@return whether nothing is queued or running} */
    public boolean idle() {
        synchronized (lock) {
            return pending == 0;
        }
    }

    /**
     * Waits until nothing is queued or running.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void flush() throws InterruptedException {
        synchronized (lock) {
            while (pending > 0) {
                lock.wait();
            }
        }
    }

    /** Stops the worker; queued work that has not started is dropped. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
