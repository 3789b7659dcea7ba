package dev.berth.api.types.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One line of {@code DELETE /images/{name}}: exactly one of the two is set. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageDeleteItem(String untagged, String deleted) {

    public static ImageDeleteItem untagged(String ref) {
        return new ImageDeleteItem(ref, null);
    }

    public static ImageDeleteItem deleted(String id) {
        return new ImageDeleteItem(null, id);
    }
}
