package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One loader, one data set and one scaler shared by several threads give the single-thread results. */
class SharedUseTest {

    @Test
    void sharedLoaderScalerAndDatasetGiveIdenticalResultsOnEightThreads() throws Exception {
        CsvLoader loader = CsvLoader.builder().oneHotTarget("species").build();
        Dataset iris = loader.loadResource(SharedUseTest.class, "/iris.csv");
        Scaler scaler = Scaler.fitZScore(iris.inputs());
        Matrix expectedScaled = scaler.transform(iris.inputs());
        Dataset expectedShuffle = iris.shuffle(7);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int k = 0; k < 50; k++) {
                        same &= loader.loadResource(SharedUseTest.class, "/iris.csv").equals(iris);
                        same &= scaler.transform(iris.inputs()).equals(expectedScaled);
                        same &= iris.shuffle(7).equals(expectedShuffle);
                    }
                    return same;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
