package org.batchsweep.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Test helpers for pictures: decode a PNG, measure how much it varies. */
final class Images {

  private Images() {}

  static BufferedImage decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalArgumentException("not an image ImageIO can read");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Variance of the pixels' grey level (0–255): 0 for a blank picture. */
  static double greyVariance(BufferedImage image) {
    double sum = 0;
    double sumSq = 0;
    long n = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        double grey =
            0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        sum += grey;
        sumSq += grey * grey;
        n++;
      }
    }
    double mean = sum / n;
    return sumSq / n - mean * mean;
  }

  /** The share of pixels that are not (near) white. */
  static double inkShare(BufferedImage image) {
    long ink = 0;
    long n = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) < 240 || ((rgb >> 8) & 0xFF) < 240 || (rgb & 0xFF) < 240) {
          ink++;
        }
        n++;
      }
    }
    return (double) ink / n;
  }
}
