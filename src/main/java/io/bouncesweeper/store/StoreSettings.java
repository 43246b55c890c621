package io.bouncesweeper.store;

/**
 * Everything a job definition says about storing: the list policy, how events are correlated
 * with sent mail, the operator's SQL per change of status, and the classifier rules version
 * stamped on each event.
 */
public record StoreSettings(ListPolicy policy, Correlation correlation, StateHooks hooks, String rulesVersion) {
    public StoreSettings {
        policy = policy == null ? ListPolicy.defaults() : policy;
        correlation = correlation == null ? Correlation.defaults() : correlation;
        hooks = hooks == null ? StateHooks.NONE : hooks;
    }

    public static StoreSettings defaults() {
        return new StoreSettings(ListPolicy.defaults(), Correlation.defaults(), StateHooks.NONE, null);
    }

    public StoreSettings with(ListPolicy newPolicy) {
        return new StoreSettings(newPolicy, correlation, hooks, rulesVersion);
    }
}
