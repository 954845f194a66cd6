// The text player's flow: who is learning, the home list, the course's own
// pages, lessons with their attention check, and the final quiz (quiz_pages.cpp).
// Internal to the text player; run_text_player() is its door.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "course/model.hpp"
#include "load/watch.hpp"
#include "records/store.hpp"
#include "session/session.hpp"
#include "textplayer/text_player.hpp"
#include "textplayer/writer.hpp"

namespace lektion {

class TextPlayer {
public:
    TextPlayer(CoursePtr course, Store* store, const TextPlayerOptions& options, std::istream& in,
               std::ostream& out);

    int run();

private:
    // --- input -------------------------------------------------------------------
    // One line, after the prompt; nullopt at the end of input. The course may
    // have been reloaded meanwhile (--watch): callers look again.
    std::optional<std::string> ask(const std::string& prompt = "");

    // An answer to `q`, whose options are shown numbered in the order `shown`.
    struct Reply {
        enum Kind { answer, enter, back, quit, reloaded } kind = quit;
        std::vector<std::string> chosen;  // the answer, in its type's form (questions/question_type.hpp)
    };
    Reply ask_answer(const Question& q, const std::vector<std::string>& shown, const CoursePtr& asked_in);
    // A secret (a PIN): without echo on a terminal; nullopt at the end of input.
    std::optional<std::string> ask_secret(const std::string& prompt);

    // --- output ------------------------------------------------------------------
    void error(std::string_view message);
    // A session action; a records failure is reported and the learner goes
    // on from where they were (the session did not change).
    template <class Action>
    bool guarded(Action action) {
        try {
            action();
            return true;
        } catch (const std::exception& e) {
            error(e.what());
            return false;
        }
    }
    // The parts as the question's type shows them, in the order given; ids the
    // question no longer has are left out (the order may come from the records).
    std::vector<std::string> show_options(const Question& q, const std::vector<std::string>& order);
    // The right answer, with how many parts were right when some were.
    void right_answers(const Question& q, const Evaluation& ev, const char* key, const std::string& indent);
    void note(const std::string& words);  // in brackets on a line of its own; nothing when empty
    void help();

    // --- records and reloads ----------------------------------------------------
    void reload_if_changed();
    void retry_records();
    bool flush_records();

    // --- pages (false: the learner quit) ----------------------------------------
    bool pick_learner();
    // When PINs are on and the learner has one: asked until right. False for
    // an empty line (another name) or the end of input (quit_ is set).
    bool pin_accepted(const Learner& learner);
    bool home();
    bool course_page(int which);  // the start page's sections, outcomes, keywords, about
    bool lesson();
    bool check(const Lesson& l);
    // quiz_pages.cpp
    bool quiz();
    bool quiz_intro();
    struct ReviewReply {
        enum Kind { submit, change, back, quit, reloaded } kind = quit;
        std::size_t question = 0;  // for `change`: the index in the attempt
    };
    ReviewReply quiz_review();
    bool quiz_result(const Score& score);

    CoursePtr course_;
    Store* store_;
    TextPlayerOptions options_;
    std::istream& in_;
    Writer out_;
    std::unique_ptr<Session> session_;
    int speech_rate_ = 0;  // the learner's, from the records; 0: the default
    std::unique_ptr<CourseWatcher> watcher_;
    std::string shown_problem_;
    bool quit_ = false;  // set by a page that saw 'q' or the end of input
};

}  // namespace lektion
