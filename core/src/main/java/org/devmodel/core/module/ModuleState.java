package org.devmodel.core.module;

/** {@code enum module_state}: where a module is in its life. */
public enum ModuleState {
    /** {@code MODULE_STATE_COMING}: its {@code init} is running. */
    COMING,
    /** {@code MODULE_STATE_LIVE}: loaded and usable. */
    LIVE,
    /** {@code MODULE_STATE_GOING}: its {@code exit} is running, or its {@code init} failed. */
    GOING
}
