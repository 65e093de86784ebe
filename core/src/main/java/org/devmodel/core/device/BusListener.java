package org.devmodel.core.device;

/** A block on a bus's notifier chain. Called synchronously, in registration order. */
@FunctionalInterface
public interface BusListener {

    /**
     * Receives an event.
     *
     * @param event what happened
     * @param device the device it happened to
     */
    void onBusEvent(BusEvent event, Device device);
}
