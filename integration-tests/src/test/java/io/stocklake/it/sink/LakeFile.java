package io.stocklake.it.sink;

import io.stocklake.stack.S3Lake;
import io.stocklake.stack.S3Lake.LakeObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A data object of the lake with the records an independent reader found in it. */
record LakeFile(LakeObject object, List<LakeRow> rows) {

    /** Every data file under {@code prefix}: the sink's boundary markers are left out. */
    static List<LakeFile> readAll(S3Lake lake, String prefix) {
        return readAll(lake, prefix, new HashMap<>());
    }

    /**
     * As {@link #readAll(S3Lake, String)}, reading only objects not in {@code alreadyRead} (by key and size):
     * a rewrite of a key by a replay has the same bytes, so what was read once stays valid.
     */
    static List<LakeFile> readAll(S3Lake lake, String prefix, Map<LakeObject, LakeFile> alreadyRead) {
        List<LakeFile> files = new ArrayList<>();
        for (LakeObject object : lake.objects(prefix)) {
            if (!object.key().contains("/_boundaries/")) {
                files.add(alreadyRead.computeIfAbsent(
                        object, o -> new LakeFile(o, LakeFiles.rows(o.key(), lake.read(o.key())))));
            }
        }
        return files;
    }

    List<Trade> trades() {
        return rows.stream().map(Trade::from).toList();
    }
}
