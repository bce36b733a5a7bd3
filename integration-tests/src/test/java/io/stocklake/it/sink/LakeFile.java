package io.stocklake.it.sink;

import io.stocklake.testing.S3Lake;
import io.stocklake.testing.S3Lake.LakeObject;
import java.util.ArrayList;
import java.util.List;

/** A data object of the lake with the records an independent reader found in it. */
record LakeFile(LakeObject object, List<LakeRow> rows) {

    /** Every data file under {@code prefix}: the sink's boundary markers are left out. */
    static List<LakeFile> readAll(S3Lake lake, String prefix) {
        List<LakeFile> files = new ArrayList<>();
        for (LakeObject object : lake.objects(prefix)) {
            if (!object.key().contains("/_boundaries/")) {
                files.add(new LakeFile(object, LakeFiles.rows(object.key(), lake.read(object.key()))));
            }
        }
        return files;
    }

    List<Trade> trades() {
        return rows.stream().map(Trade::from).toList();
    }
}
