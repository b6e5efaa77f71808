import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

/**
 * Indexes a corpus file written by {@code chatbrief bench --write-corpus} with stock Java Lucene: EnglishAnalyzer,
 * BM25 and every other IndexWriterConfig setting left at its default, on one thread, as an engine a team would pick
 * off the shelf. The passages get the fields ChatBrief gives them (id kept as one token, title and text analysed, all
 * three stored), so both engines write the same words. Prints one JSON object on stdout with the same names as
 * {@code bench}: passages, index_seconds, index_passages_per_s, index_cpu_seconds, index_mb, peak_rss_mb.
 *
 * Usage: java IndexCorpus CORPUS.jsonl [INDEX_DIR]  (a temporary folder, deleted afterwards, when INDEX_DIR is left out)
 */
public final class IndexCorpus {
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: IndexCorpus CORPUS.jsonl [INDEX_DIR]");
            System.exit(2);
        }

        Path corpus = Paths.get(args[0]);
        boolean temporary = args.length < 2;
        Path folder = temporary ? Files.createTempDirectory("lucene8-index-") : Paths.get(args[1]);
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
        config.setSimilarity(new BM25Similarity());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);

        // Timed like bench's index_seconds: from reading the corpus to the committed index.
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        long passages = 0;
        try (Directory directory = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(directory, config);
             BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }

                Map<String, String> passage = JsonLine.parse(line);
                Document document = new Document();
                document.add(new StringField("id", passage.getOrDefault("id", ""), Field.Store.YES));
                document.add(new TextField("title", passage.getOrDefault("title", ""), Field.Store.YES));
                document.add(new TextField("text", passage.getOrDefault("text", ""), Field.Store.YES));
                writer.addDocument(document);
                passages++;
            }

            writer.commit();
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        double megabytes = folderBytes(folder) / 1048576.0;
        if (temporary) {
            deleteFolder(folder);
        }

        System.out.println(String.format(Locale.ROOT,
            "{\"engine\":\"Java Lucene %s, EnglishAnalyzer, BM25\",\"passages\":%d,\"index_seconds\":%.2f,\"index_passages_per_s\":%.1f,\"index_cpu_seconds\":%.2f,\"index_mb\":%.1f,\"peak_rss_mb\":%.1f}",
            Version.LATEST, passages, seconds, passages / seconds, cpuSeconds, megabytes, peakRssMegabytes()));
    }

    /** Processor time of the whole process (every thread, the JIT and the collector included), as bench counts it. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The process's peak resident set (VmHWM), which is what .NET reports as the peak working set on Linux. */
    private static double peakRssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }

        return -1;
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The flat {"id","title","text"} objects of a corpus line: string values only, every JSON escape decoded. */
    private static final class JsonLine {
        private final String text;
        private int at;

        private JsonLine(String text) {
            this.text = text;
        }

        static Map<String, String> parse(String line) {
            return new JsonLine(line).object();
        }

        private Map<String, String> object() {
            Map<String, String> fields = new HashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                return fields;
            }

            while (true) {
                skipSpace();
                String name = string();
                skipSpace();
                expect(':');
                skipSpace();
                if (peek() == '"') {
                    fields.put(name, string());
                } else {
                    skipScalar();
                }

                skipSpace();
                if (peek() == ',') {
                    at++;
                    continue;
                }

                expect('}');
                return fields;
            }
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }

                if (c != '\\') {
                    value.append(c);
                    continue;
                }

                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n': value.append('\n'); break;
                    case 't': value.append('\t'); break;
                    case 'r': value.append('\r'); break;
                    case 'b': value.append('\b'); break;
                    case 'f': value.append('\f'); break;
                    case 'u': value.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
                    default: value.append(escaped); break; // \" \\ \/
                }
            }
        }

        // null, numbers and booleans carry nothing this program needs.
        private void skipScalar() {
            while (at < text.length() && ",}".indexOf(text.charAt(at)) < 0) {
                at++;
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("a corpus line ends early: " + text);
            }

            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " of a corpus line: " + text);
            }

            at++;
        }
    }
}
