//! The message ids an article or an earlier-revision block names, in document order.

use super::{Article, Block, Earlier, List, MsgRef, Step};

impl Article {
    /// Every message id the article names, in document order.
    pub fn message_refs(&self) -> Vec<&MsgRef> {
        let mut out = vec![&self.title, &self.description];
        out.extend(self.heading.iter());
        out.extend(self.audience.iter());
        collect_blocks(&self.body, &mut out);
        out
    }
}

impl Earlier {
    /// Every message id the block names, in document order.
    pub fn message_refs(&self) -> Vec<&MsgRef> {
        let mut out = Vec::new();
        collect_blocks(&self.blocks, &mut out);
        out
    }
}

fn collect_blocks<'a>(blocks: &'a [Block], out: &mut Vec<&'a MsgRef>) {
    for block in blocks {
        match block {
            Block::Paragraph(m) => out.push(m),
            Block::Heading(h) => out.push(&h.text),
            Block::List(list) => collect_list(list, out),
            Block::Procedure(p) => {
                out.extend(p.prerequisites.iter().map(|p| &p.text));
                collect_steps(&p.steps, out);
            }
            Block::Alert(a) => {
                out.extend(a.text.iter());
                collect_blocks(&a.blocks, out);
            }
            Block::Table(t) => {
                out.extend(t.header.iter());
                out.extend(t.rows.iter().flatten());
            }
            Block::Image(i) => out.push(&i.alt),
            Block::Code(_) | Block::NotIncluded(_) => {}
            Block::Earlier(e) => collect_blocks(&e.blocks, out),
            Block::NextSteps(n) => {
                out.push(&n.title);
                out.extend(n.links.iter().map(|l| &l.text));
            }
        }
    }
}

fn collect_list<'a>(list: &'a List, out: &mut Vec<&'a MsgRef>) {
    for item in &list.items {
        out.push(&item.text);
        if let Some(nested) = &item.items {
            collect_list(nested, out);
        }
        collect_blocks(&item.blocks, out);
    }
}

fn collect_steps<'a>(steps: &'a [Step], out: &mut Vec<&'a MsgRef>) {
    for step in steps {
        out.push(&step.text);
        collect_steps(&step.substeps, out);
        collect_blocks(&step.blocks, out);
    }
}
