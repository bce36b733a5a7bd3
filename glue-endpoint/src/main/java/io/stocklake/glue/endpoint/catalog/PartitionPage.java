package io.stocklake.glue.endpoint.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** One page of partitions; {@code last} holds the values of the last one when more may follow. */
public record PartitionPage(List<ObjectNode> partitions, Optional<List<String>> last) {}
