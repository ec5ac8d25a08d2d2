package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.metrics.ClassificationMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A two-class problem, trained the two right ways (one sigmoid output with binary cross-entropy,
 * two softmax outputs with categorical cross-entropy) and the wrong ways the trainer now refuses.
 */
class BinaryClassificationTest {

    /** Versicolor (0) against virginica (1), the two Iris species that overlap, z-scored measurements. */
    private static Dataset versicolorOrVirginica() {
        Dataset species = Iris.species();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < species.size(); i++) {
            if (species.targets().get(i, 0) == 0.0) {
                rows.add(i);
            }
        }
        int[] kept = rows.stream().mapToInt(Integer::intValue).toArray();
        Matrix targets = species.targets().selectRows(kept);
        double[][] twoHot = new double[kept.length][];
        for (int i = 0; i < kept.length; i++) {
            twoHot[i] = new double[] {targets.get(i, 1), targets.get(i, 2)};
        }
        return new Dataset(species.inputs().selectRows(kept), Matrix.of(twoHot));
    }

    private static Matrix column(Matrix matrix, int j) {
        double[] values = new double[matrix.rows()];
        for (int i = 0; i < values.length; i++) {
            values[i] = matrix.get(i, j);
        }
        return Matrix.columnVector(values);
    }

    private static Trainer trainer(Loss loss) {
        return Trainer.builder().loss(loss).optimizer(Optimizer.adam()).learningRate(0.01).epochs(200)
                .batchSize(16).seed(3).build();
    }

    private static double binaryAccuracy(Matrix probabilities, Matrix labels) {
        int right = 0;
        for (int i = 0; i < labels.rows(); i++) {
            right += (probabilities.get(i, 0) >= 0.5 ? 1.0 : 0.0) == labels.get(i, 0) ? 1 : 0;
        }
        return right / (double) labels.rows();
    }

    @Test
    void aSigmoidClassifierMatchesTheTwoClassSoftmaxWithinOnePoint() {
        double sigmoidTotal = 0;
        double softmaxTotal = 0;
        int splits = 10;
        for (long seed = 0; seed < splits; seed++) {
            DatasetSplit split = versicolorOrVirginica().split(0.7, seed);
            Dataset training = split.first();
            Dataset test = split.second();
            Matrix trainingLabels = column(training.targets(), 1);
            Matrix testLabels = column(test.targets(), 1);

            Network sigmoid = Network.builder(4).dense(8, Activation.TANH).dense(1, Activation.SIGMOID).build(seed);
            Network fitted = trainer(Loss.BINARY_CROSS_ENTROPY).train(sigmoid, training.inputs(), trainingLabels)
                    .network();
            sigmoidTotal += binaryAccuracy(fitted.predict(test.inputs()), testLabels);

            Network softmax = Network.builder(4).dense(8, Activation.TANH).dense(2, Activation.SOFTMAX).build(seed);
            Network fittedSoftmax = trainer(Loss.CROSS_ENTROPY).train(softmax, training.inputs(), training.targets())
                    .network();
            softmaxTotal += ClassificationMetrics.accuracy(fittedSoftmax.predict(test.inputs()), test.targets());
        }
        double sigmoidAccuracy = sigmoidTotal / splits;
        double softmaxAccuracy = softmaxTotal / splits;
        assertThat(softmaxAccuracy).isGreaterThan(0.9);
        assertThat(sigmoidAccuracy).isGreaterThan(0.9).isCloseTo(softmaxAccuracy, within(0.01));
    }

    @Test
    void categoricalCrossEntropyOnOneSigmoidOutputIsRefusedBeforeTheFirstStep() {
        // The 0.1 trap: -y ln(yhat) alone is minimised by predicting 1 everywhere, so the loss fell
        // while the accuracy stayed near chance.
        Dataset data = versicolorOrVirginica();
        Network network = Network.builder(4).dense(4, Activation.SIGMOID).dense(1, Activation.SIGMOID).build(1);
        Matrix labels = column(data.targets(), 1);
        assertThatThrownBy(() -> trainer(Loss.CROSS_ENTROPY).train(network, data.inputs(), labels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("CROSS_ENTROPY", "last layer is SIGMOID", "Loss.BINARY_CROSS_ENTROPY");
    }

    @Test
    void crossEntropyOnAnIdentityOutputIsRefusedInsteadOfNeverMoving() {
        Dataset data = versicolorOrVirginica();
        Network network = Network.builder(4).dense(4, Activation.TANH).dense(2, Activation.IDENTITY).build(1);
        assertThatThrownBy(() -> trainer(Loss.CROSS_ENTROPY).train(network, data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("CROSS_ENTROPY", "last layer is IDENTITY", "SOFTMAX");
    }

    @Test
    void validationTargetsAreCheckedToo() {
        Dataset data = versicolorOrVirginica();
        Network network = Network.builder(4).dense(4, Activation.TANH).dense(1, Activation.SIGMOID).build(1);
        Dataset training = new Dataset(data.inputs(), column(data.targets(), 1));
        Dataset badValidation = new Dataset(data.inputs(), column(data.targets(), 1).map(y -> 2 * y));
        assertThatThrownBy(() -> trainer(Loss.BINARY_CROSS_ENTROPY).train(network, training, badValidation))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("validation data", "targets in [0, 1]", "2.0");
    }
}
