package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ParallelismTest {

    @Test
    void sequentialIsOneWorkerAndThreadsOfOneIsSequential() {
        assertThat(Parallelism.sequential().workers()).isEqualTo(1);
        assertThat(Parallelism.threads(1)).isSameAs(Parallelism.sequential());
        assertThat(Parallelism.threads(4).workers()).isEqualTo(4);
        assertThat(Parallelism.sequential()).hasToString("sequential");
        assertThat(Parallelism.threads(4)).hasToString("threads(4)");
    }

    @Test
    void anExecutorParallelismKeepsTheExecutorAndIsEqualOnlyForTheSameOne() {
        Executor one = Runnable::run;
        Executor other = Runnable::run;
        Parallelism parallelism = Parallelism.executor(one, 3);
        assertThat(parallelism.workers()).isEqualTo(3);
        assertThat(parallelism.executorOrNull()).isSameAs(one);
        assertThat(parallelism).isEqualTo(Parallelism.executor(one, 3)).hasSameHashCodeAs(Parallelism.executor(one, 3))
                .isNotEqualTo(Parallelism.executor(other, 3)).isNotEqualTo(Parallelism.executor(one, 2))
                .isNotEqualTo(Parallelism.threads(3));
        assertThat(parallelism.toString()).startsWith("executor(").endsWith(", 3)");
        assertThat(Parallelism.threads(2)).isEqualTo(Parallelism.threads(2));
    }

    @Test
    void factoriesRejectBadCountsAndAMissingExecutor() {
        assertThatThrownBy(() -> Parallelism.threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> Parallelism.executor(null, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("executor is null");
        assertThatThrownBy(() -> Parallelism.executor(Runnable::run, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
    }
}
