package io.github.diynn.train;

/** Test access to the package-private constructors of {@link TrainingResult}, for other packages' tests. */
public final class TrainingResults {

    private TrainingResults() {
    }

    /** The same result as made before rates and times were recorded: the 8-argument constructor. */
    public static TrainingResult withoutRatesOrTimes(TrainingResult result) {
        return new TrainingResult(result.network(), result.initialLoss(), result.losses(),
                result.initialValidationLoss(), result.validationLosses(), result.selectedEpoch(),
                result.stoppedEarly(), result.stopReason());
    }
}
