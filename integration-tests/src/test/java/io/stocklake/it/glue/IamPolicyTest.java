package io.stocklake.it.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamPolicyTest {

    @TempDir
    Path dir;

    @Test
    void objectActionIsAllowedOnlyUnderTheGrantedPrefix() throws IOException {
        IamPolicy policy = policy("""
                {"Action": "s3:PutObject", "Resource": "arn:aws:s3:::lake/topics/*"}""");

        assertThat(policy.allows("s3:PutObject", "arn:aws:s3:::lake/topics/a/b.json", Map.of()))
                .isTrue();
        assertThat(policy.allows("s3:PutObject", "arn:aws:s3:::lake/other/b.json", Map.of()))
                .isFalse();
        assertThat(policy.allows("s3:GetObject", "arn:aws:s3:::lake/topics/a/b.json", Map.of()))
                .isFalse();
    }

    @Test
    void actionNamesMatchWithoutRegardToCase() throws IOException {
        IamPolicy policy = policy("""
                {"Action": "glue:BatchCreate*", "Resource": "*"}""");

        assertThat(policy.allows("glue:batchcreatepartition", "arn:aws:glue:r:1:catalog", Map.of()))
                .isTrue();
    }

    @Test
    void conditionOnAKeyTheRequestLacksDoesNotMatch() throws IOException {
        IamPolicy policy = policy("""
                {"Action": "s3:ListBucket", "Resource": "arn:aws:s3:::lake",
                 "Condition": {"StringLike": {"s3:prefix": ["topics/*"]}}}""");

        assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::lake", Map.of("s3:prefix", "topics/x/")))
                .isTrue();
        assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::lake", Map.of("s3:prefix", "other/")))
                .isFalse();
        assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::lake", Map.of()))
                .isFalse();
    }

    @Test
    void actionsListsEveryGrantedAction() throws IOException {
        IamPolicy policy = policy("""
                {"Action": ["s3:PutObject", "s3:GetObject"], "Resource": "*"},
                {"Action": "glue:GetTable", "Resource": "*"}""");

        assertThat(policy.actions()).containsExactly("s3:PutObject", "s3:GetObject", "glue:GetTable");
    }

    @Test
    void statementThisCheckCannotJudgeIsRefused() throws IOException {
        Path file = dir.resolve("deny.json");
        Files.writeString(file, """
                {"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}""");

        assertThatThrownBy(() -> IamPolicy.read(file)).hasMessageContaining("Allow");
    }

    private IamPolicy policy(String statements) throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(
                file,
                "{\"Version\": \"2012-10-17\", \"Statement\": ["
                        + statements.replace("{\"Action\"", "{\"Effect\": \"Allow\", \"Action\"") + "]}");
        return IamPolicy.read(file);
    }
}
