package io.plantd.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.app.backtest.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestOrderTest {
    @Test
    void plantdIsSubmittedFirstAndEveryStrategyExactlyOnce() {
        List<Strategy> chosen = List.of(Strategy.MOTOR_ONLY, Strategy.SCHEDULE, Strategy.REACTIVE, Strategy.PLANTD);
        assertThat(BacktestCommand.longestFirst(chosen)).containsExactly(3, 0, 1, 2);
        assertThat(BacktestCommand.longestFirst(List.of(Strategy.REACTIVE, Strategy.MOTOR_ONLY))).containsExactly(0, 1);
    }
}
