package io.stocklake.glue.endpoint.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocklake.glue.endpoint.api.GlueError;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An opaque {@code NextToken}: the sort key (a name or partition values) of the last item returned, so a
 * following page starts right after it even when items were added or removed in between.
 */
final class PageToken {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final ObjectMapper mapper;

    PageToken(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String encode(List<String> last) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(last));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<List<String>> decode(Optional<String> token) {
        if (token.isEmpty() || token.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    List.copyOf(mapper.readValue(Base64.getUrlDecoder().decode(token.get()), STRINGS)));
        } catch (IOException | IllegalArgumentException e) {
            throw GlueError.invalidInput("Invalid NextToken.");
        }
    }
}
