# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# `format` rewrites the project's C++ files with clang-format; `format-check` fails on any change
# it would make. The style lives in .clang-format (clang-format 14 options only).
find_program(NIANBAO_CLANG_FORMAT NAMES clang-format-14 clang-format
  DOC "clang-format used by the format and format-check targets")
if(NOT NIANBAO_CLANG_FORMAT)
  message(STATUS "clang-format not found: no format and format-check targets")
  return()
endif()

# Source folders only, so build trees (build/, build/*/…_autogen) are never touched.
set(nianbao_format_globs)
foreach(dir IN ITEMS core widgets app tests bench)
  list(APPEND nianbao_format_globs
    "${PROJECT_SOURCE_DIR}/${dir}/*.cpp"
    "${PROJECT_SOURCE_DIR}/${dir}/*.h")
endforeach()
file(GLOB_RECURSE nianbao_format_files CONFIGURE_DEPENDS ${nianbao_format_globs})
# A build directory configured inside a source folder must not be formatted either.
set(nianbao_kept_files)
foreach(file IN LISTS nianbao_format_files)
  cmake_path(IS_PREFIX PROJECT_BINARY_DIR "${file}" NORMALIZE in_binary_dir)
  cmake_path(RELATIVE_PATH file BASE_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE relative)
  if(NOT in_binary_dir AND NOT relative MATCHES "(^|/)build[^/]*/")
    list(APPEND nianbao_kept_files "${file}")
  endif()
endforeach()
set(nianbao_format_files ${nianbao_kept_files})
list(SORT nianbao_format_files)
if(NOT nianbao_format_files)
  return()  # clang-format with no file would wait on standard input
endif()

add_custom_target(format
  COMMAND "${NIANBAO_CLANG_FORMAT}" -i --style=file ${nianbao_format_files}
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "Formatting the C++ sources with clang-format"
  VERBATIM)
add_custom_target(format-check
  COMMAND "${NIANBAO_CLANG_FORMAT}" --dry-run -Werror --style=file ${nianbao_format_files}
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "Checking the C++ sources against .clang-format"
  VERBATIM)
