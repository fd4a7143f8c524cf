package com.sciaticachat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.Document;
import com.sciaticachat.corpus.MarkdownParser;
import com.sciaticachat.corpus.Section;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.staff.Draft;
import com.sciaticachat.staff.Editor;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's draft: the corpus's files listed, read, edited, created and deleted in a draft that staff
 * try questions against; Publish makes the draft live through the usual reload and safety gate, Discard
 * drops it. Routes under {@code /api/v1/admin/draft}, behind the console's token like every admin route.
 */
final class DraftApi {
    private DraftApi() {}

    /** The draft and the index built from it (opened on the first question tried against it). */
    private static final class State {
        final Draft draft;
        final Path indexDir;
        LiveIndex index;

        State(Draft draft, Path indexDir) {
            this.draft = draft;
            this.indexDir = indexDir;
        }

        synchronized LiveIndex index(LiveIndex live) throws LiveIndex.StartupException, IOException {
            if (index == null) index = live.sibling(draft.folder(), indexDir);
            else index.reload();
            return index;
        }

        synchronized void closeIndex() throws IOException {
            if (index != null) index.close();
            index = null;
        }
    }

    static void register(JavalinConfig cfg, ChatRef chat, Config config, ObjectMapper mapper) {
        Path root = config.indexDir().resolve("draft");
        State[] state = new State[1];
        java.util.function.Supplier<State> draft = () -> {
            synchronized (state) {
                if (state[0] == null) {
                    LiveIndex live = chat.get().index();
                    state[0] = new State(new Draft(config.corpusDir(), root.resolve("files"), live.settingsFiles(), live::check),
                            root.resolve("index"));
                }
                return state[0];
            }
        };
        cfg.routes.get("/api/v1/admin/draft", ctx -> ctx.json(overview(draft.get().draft)));
        cfg.routes.get("/api/v1/admin/draft/file", ctx -> {
            Draft d = draft.get().draft;
            String name = ctx.queryParam("name");
            String text = named(() -> d.read(name));
            if (text == null) throw new ApiException(404, "file_not_found", "There is no file '" + name + "' in the corpus");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", name);
            out.put("text", text);
            out.put("version", d.files().stream().filter(f -> f.name().equals(name)).map(Draft.File::version).findFirst().orElse(""));
            ctx.json(out);
        });
        cfg.routes.put("/api/v1/admin/draft/file", ctx -> {
            JsonNode body = body(ctx, mapper);
            String name = AdminApi.text(body, "name", "the file's name, such as \"prices.md\"");
            JsonNode t = body.get("text");
            if (t == null || !t.isTextual()) throw new ApiException(400, "missing_text", "Send \"text\": the file's whole new text");
            save(ctx, draft.get(), name, t.asText(), body.path("version").isTextual() ? body.get("version").asText() : null);
        });
        cfg.routes.post("/api/v1/admin/draft/rename", ctx -> {
            JsonNode body = body(ctx, mapper);
            String from = AdminApi.text(body, "from", "the file's name now"), to = AdminApi.text(body, "to", "its new name");
            String version = body.path("version").isTextual() ? body.get("version").asText() : null;
            edit(ctx, draft.get(), d -> d.rename(from, to, version));
        });
        cfg.routes.delete("/api/v1/admin/draft/file", ctx -> save(ctx, draft.get(), ctx.queryParam("name"), null, ctx.queryParam("version")));
        cfg.routes.post("/api/v1/admin/draft/preview", ctx -> {
            JsonNode body = body(ctx, mapper);
            ctx.json(preview(config, AdminApi.text(body, "name", "the file's name"), body.path("text").asText("")));
        });
        cfg.routes.post("/api/v1/admin/draft/try", ctx -> {
            String question = HttpApi.readAsk(ctx, mapper).question();
            State s = draft.get();
            ChatService live = chat.get();
            Map<String, Object> out = new LinkedHashMap<>();
            if (!s.draft.exists()) {
                out.put("against", "live");
                out.put("explanation", AdminApi.tryQuestion(live, question));
            } else {
                LiveIndex index;
                try {
                    index = s.index(live.index());
                } catch (LiveIndex.StartupException e) {
                    throw new ApiException(409, "draft_not_servable", e.getMessage());
                }
                out.put("against", "draft");
                out.put("problems", index.status().corpusErrors());
                out.put("explanation", AdminApi.tryQuestion(live.over(index), question));
            }
            ctx.json(out);
        });
        cfg.routes.post("/api/v1/admin/draft/publish", ctx -> {
            State s = draft.get();
            List<Draft.Change> published;
            synchronized (s) {
                if (!s.draft.exists()) throw new ApiException(409, "no_draft", "There is no draft to publish");
                // a draft that could not be served whole (every document deleted, say) is not published: the
                // files would leave the corpus while visitors kept the old version, and the next draft would lack them
                List<CorpusError> wrong = chat.get().index().check(s.draft.folder());
                if (!wrong.isEmpty()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("error", Map.of("code", "draft_not_servable", "message",
                            "Nothing was published: the chat could not answer from this draft (" + wrong.get(0).message() + ")"));
                    out.put("problems", wrong);
                    ctx.status(422).json(out);
                    return;
                }
                s.closeIndex();
                boolean done = false;
                try {
                    // everyone whose changes are in the draft is credited, the one publishing last
                    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(s.draft.contributors());
                    names.add(AdminApi.staffName(ctx.attribute(AdminApi.STAFF_ATTRIBUTE)));
                    AdminApi.expectAuthors(config, names);
                    published = s.draft.publish();
                    done = true;
                } catch (Editor.StaleVersionException e) {
                    throw new ApiException(409, "changed_since", e.getMessage()
                            + " Your draft is kept: discard it, or copy your changes, discard and edit again.");
                } finally {
                    // nothing was published (refused or failed): the next edit made on disk is not theirs
                    if (!done) AdminApi.forgetAuthors(config);
                }
            }
            List<CorpusError> problems = chat.get().index().reload().errors();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("published", published);
            out.put("live", problems.isEmpty());
            out.put("problems", problems);
            ctx.json(out);
        });
        cfg.routes.post("/api/v1/admin/draft/discard", ctx -> {
            State s = draft.get();
            synchronized (s) {
                s.closeIndex();
                s.draft.discard();
            }
            ctx.json(Map.of("discarded", true));
        });
    }

    private static Map<String, Object> overview(Draft d) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exists", d.exists());
        out.put("files", d.files());
        out.put("changes", d.changes());
        out.put("contributors", d.contributors());
        return out;
    }

    private static void save(Context ctx, State s, String name, String text, String version) throws IOException {
        edit(ctx, s, d -> d.save(name, text, version));
    }

    /** A change to the draft. */
    private interface Edit {
        void apply(Draft draft) throws IOException, Draft.BadNameException, Draft.InvalidException, Editor.StaleVersionException;
    }

    /** Makes a change to the draft and answers with the draft as it is then, or with why nothing was changed. */
    private static void edit(Context ctx, State s, Edit edit) throws IOException {
        synchronized (s) {
            try {
                edit.apply(s.draft);
                s.draft.contributed(AdminApi.staffName(ctx.attribute(AdminApi.STAFF_ATTRIBUTE)));
            } catch (Draft.BadNameException e) {
                throw new ApiException(400, "bad_file_name", e.getMessage());
            } catch (Editor.StaleVersionException e) {
                throw new ApiException(409, "changed_since", e.getMessage());
            } catch (Draft.InvalidException e) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("error", Map.of("code", "mistakes", "message", "Nothing was saved: the file has mistakes (" + e.errors().size() + ")"));
                out.put("problems", e.errors());
                ctx.status(422).json(out);
                return;
            }
        }
        ctx.json(overview(s.draft));
    }

    /** The file's sections as the widget shows them (title and blocks), and its mistakes, without saving anything. */
    private static Map<String, Object> preview(Config config, String name, String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!com.sciaticachat.corpus.CorpusLoader.isDocument(name)) {
            out.put("sections", List.of());
            out.put("problems", List.of());
            return out;
        }
        Path folder = config.corpusDir().toAbsolutePath().normalize();
        String shown = (folder.getFileName() == null ? "corpus" : folder.getFileName().toString()) + "/" + name;
        MarkdownParser.Result r = new MarkdownParser(config.clinicName()).parse(shown, "preview", text.getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> sections = new ArrayList<>();
        Document doc = r.document();
        if (doc != null) {
            for (Section s : doc.sections()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", s.id());
                one.put("title", s.title());
                one.put("level", s.level());
                one.put("blocks", s.blocks());
                one.put("questions", s.questions());
                one.put("sourceName", doc.publisher() + " · " + doc.title());
                one.put("sourceUrl", doc.url());
                sections.add(one);
            }
        }
        out.put("sections", sections);
        List<CorpusError> problems = new ArrayList<>(r.errors());
        problems.addAll(r.warnings());
        out.put("problems", problems);
        return out;
    }

    private interface Named<T> {
        T get() throws IOException, Draft.BadNameException;
    }

    private static <T> T named(Named<T> call) throws IOException {
        try {
            return call.get();
        } catch (Draft.BadNameException e) {
            throw new ApiException(400, "bad_file_name", e.getMessage());
        }
    }

    private static JsonNode body(Context ctx, ObjectMapper mapper) {
        return AdminApi.object(HttpApi.documentBody(ctx), mapper);
    }

}
