package io.plantd.controller.cycle;

import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;

/** Normalises whichever grid-signal source the site has into a {@link GridStatus}. */
public interface GridFeed {
    GridStatus current(ProcessImage image, Instant now);
}
