package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerTeamTest {

    @Test
    void everyTaskRunsOnceAndEachWorkerIndexBelongsToOneThreadAtATime() {
        for (int workers : new int[] {1, 2, 3, 8}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(100);
            AtomicIntegerArray busy = new AtomicIntegerArray(workers);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            try (WorkerTeam team = new WorkerTeam(Parallelism.threads(workers), "test")) {
                for (int round = 0; round < 20; round++) {
                    team.run(100, true, (task, worker) -> {
                        assertThat(busy.incrementAndGet(worker)).isEqualTo(1);
                        runs.incrementAndGet(task);
                        threads.add(Thread.currentThread().getName());
                        busy.decrementAndGet(worker);
                    });
                }
            }
            for (int t = 0; t < 100; t++) {
                assertThat(runs.get(t)).as("task %d with %d workers", t, workers).isEqualTo(20);
            }
            assertThat(threads.size()).isLessThanOrEqualTo(workers);
        }
    }

    @Test
    void smallRunsStayOnTheCallingThreadInOrderAndMakeNoThread() {
        int[] order = new int[5];
        int[] next = {0};
        Set<String> before = ParallelEvaluatorTest.diynnThreads();
        try (WorkerTeam team = new WorkerTeam(Parallelism.threads(4), "test")) {
            team.run(5, false, (task, worker) -> {
                assertThat(worker).isZero();
                assertThat(Thread.currentThread().getName()).doesNotStartWith("diynn-");
                order[next[0]++] = task;
            });
            assertThat(ParallelEvaluatorTest.diynnThreads()).isEqualTo(before);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void theLowestFailingTaskIsRethrownAfterEveryTaskRan() {
        for (int workers : new int[] {1, 2, 8}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(40);
            RuntimeException[] failures = new RuntimeException[40];
            for (int t : new int[] {31, 7, 19}) {
                failures[t] = new IllegalArgumentException("task " + t);
            }
            try (WorkerTeam team = new WorkerTeam(Parallelism.threads(workers), "test")) {
                assertThatThrownBy(() -> team.run(40, true, (task, worker) -> {
                    runs.incrementAndGet(task);
                    if (failures[task] != null) {
                        throw failures[task];
                    }
                })).isSameAs(failures[7]);
            }
            if (workers > 1) {
                for (int t = 0; t < 40; t++) {
                    assertThat(runs.get(t)).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aTaskFailingOnAHelperThreadEndsTheRunOnTheCallingThread() {
        String caller = Thread.currentThread().getName();
        try (WorkerTeam team = new WorkerTeam(Parallelism.threads(2), "test")) {
            assertThatThrownBy(() -> team.run(64, true, (task, worker) -> {
                if (!Thread.currentThread().getName().equals(caller)) {
                    throw new IllegalStateException("helper failed on task " + task);
                }
                sleep(); // leave tasks for the helper
            })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("helper failed on task");
        }
    }

    @Test
    void closeJoinsTheThreadsItMade() {
        Set<String> before = ParallelEvaluatorTest.diynnThreads();
        WorkerTeam team = new WorkerTeam(Parallelism.threads(3), "closing");
        team.run(10, true, (task, worker) -> sleep());
        assertThat(ParallelEvaluatorTest.diynnThreads()).contains("diynn-closing-worker-1", "diynn-closing-worker-2");
        team.close();
        assertThat(ParallelEvaluatorTest.diynnThreads()).isEqualTo(before);
    }

    @Test
    void aPoolOfTheCallersRunsTheHelpersAndIsLeftRunning() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            boolean[] done = new boolean[50];
            try (WorkerTeam team = new WorkerTeam(Parallelism.executor(pool, 3), "pooled")) {
                team.run(50, true, (task, worker) -> done[task] = true);
            }
            boolean[] all = new boolean[50];
            Arrays.fill(all, true);
            assertThat(done).isEqualTo(all);
            assertThat(pool.isShutdown()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
