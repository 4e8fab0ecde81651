#ifndef SITREP_CNCURSESW_SHIM_H
#define SITREP_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's feature macros; without them the wide-character API vanishes.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and C globals do not import into Swift; these accessors do.
static inline WINDOW *sitrep_stdscr(void) { return stdscr; }
static inline int sitrep_cols(void) { return COLS; }
static inline int sitrep_lines(void) { return LINES; }
static inline int sitrep_colors(void) { return COLORS; }
static inline int sitrep_color_pairs(void) { return COLOR_PAIRS; }
static inline int sitrep_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t sitrep_a_bold(void) { return A_BOLD; }
static inline attr_t sitrep_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sitrep_a_reverse(void) { return A_REVERSE; }
static inline attr_t sitrep_a_dim(void) { return A_DIM; }
static inline mmask_t sitrep_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t sitrep_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t sitrep_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t sitrep_button5_pressed(void) { return BUTTON5_PRESSED; }

#endif
