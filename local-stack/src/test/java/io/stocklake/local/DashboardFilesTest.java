package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DashboardFilesTest {

    @Test
    void servesThePageAtTheRoot() throws Exception {
        String resource = DashboardFiles.resourceFor("/");

        assertThat(new String(DashboardFiles.read(resource), StandardCharsets.UTF_8))
                .contains("<h1>stocklake");
        assertThat(DashboardFiles.contentType(resource)).startsWith("text/html");
    }

    @Test
    void servesTheChartLibraryFromItsWebJarWithoutNamingItsVersion() throws Exception {
        String resource = DashboardFiles.resourceFor("/webjars/echarts/dist/echarts.min.js");

        assertThat(resource).matches("META-INF/resources/webjars/echarts/[0-9.]+/dist/echarts.min.js");
        assertThat(DashboardFiles.read(resource)).isNotEmpty();
    }

    @Test
    void refusesPathsThatLeaveThePagesFolders() {
        assertThat(DashboardFiles.resourceFor("/dashboard/../META-INF/MANIFEST.MF"))
                .isNull();
        assertThat(DashboardFiles.resourceFor("/io/stocklake/local/LocalStack.class"))
                .isNull();
        assertThat(DashboardFiles.resourceFor("/dashboard/sql/spread_1m.sql")).isNull();
    }
}
