package io.plantd.controller.metrics;

/** The {@code result} label of {@code plantd_commands_total}: a fixed set. */
public enum CommandOutcome {
    /** Validated and applied by the cycle. */
    ACCEPTED("accepted"),
    /** Well-formed and authorised, but refused by the cycle (for example an ineligible override). */
    REJECTED("rejected"),
    /** Failed schema or config validation: changed nothing. */
    INVALID("invalid"),
    /** The principal may not send this command. */
    DENIED("denied");

    private final String label;

    CommandOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
