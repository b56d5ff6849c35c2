// The zxcvbn-ts page bundle (esbuild, IIFE, window.zxcvbnts): the core with
// the common and English dictionaries, set up as its README shows.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

const factory = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

export function check(password, userInputs) {
  return factory.check(password, userInputs);
}
