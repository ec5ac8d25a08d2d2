package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Checks on the PNG files the examples write that do not depend on fonts: the file is a PNG of the
 * pictures' size and is not blank.
 */
final class PngFiles {

    private PngFiles() {
    }

    /**
     * Asserts that {@code files} are exactly {@code names} (as {@code name.png} in {@code directory}),
     * in order, and that each is an {@link Pictures#WIDTH} x {@link Pictures#HEIGHT} PNG with at least
     * {@code minimumColours} colours and at least 1 % of its pixels not white.
     */
    static void assertPictures(List<Path> files, Path directory, int minimumColours, String... names) throws IOException {
        assertThat(files).hasSize(names.length);
        for (int k = 0; k < names.length; k++) {
            Path file = files.get(k);
            assertThat(file).isEqualTo(directory.resolve(names[k] + ".png")).isRegularFile();
            byte[] bytes = Files.readAllBytes(file);
            // The PNG signature: 0x89 'P' 'N' 'G'.
            assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as(names[k] + " width").isEqualTo(Pictures.WIDTH);
            assertThat(image.getHeight()).as(names[k] + " height").isEqualTo(Pictures.HEIGHT);
            Set<Integer> colours = new HashSet<>();
            long coloured = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb != 0xFFFFFF) {
                        coloured++;
                    }
                }
            }
            assertThat(colours.size()).as(names[k] + " colours").isGreaterThanOrEqualTo(minimumColours);
            assertThat(coloured).as(names[k] + " non-white pixels")
                    .isGreaterThan((long) image.getWidth() * image.getHeight() / 100);
        }
    }

    /** Returns the RGB colour of one pixel, without alpha. */
    static int pixel(Path file, int x, int y) throws IOException {
        return ImageIO.read(file.toFile()).getRGB(x, y) & 0xFFFFFF;
    }
}
